// Characters most used in names and addresses, most frequent first: candidates in this list
// are offered before the rest of the 20,902 basic CJK characters. Surnames lead, then given
// names' characters, then characters of ordinary writing and of addresses.
export const COMMON_CHARACTERS =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力斌宇浩凯鹏飞鑫博俊峰志海波东亮成晨欣怡佳丹颖婷慧君淑珍春燕梓轩涵萱子小晓德永福荣生' +
  '的一是不了人我在有他这中大来上个到说们为和你地出道也时年得就那要下以会自着去之过家学对可她里后么心多天而能好都然没日起还发事只作当想看无开手十用主行又如前所本见经头面公同三已老从动两长知民样现分将外但身些与意进把法此实回二理美点月其种声全工己话儿者向情部正名定女问机给等几很业最间新什打便位因重被走电四第门相次政口使教西再真听世气信北少关并内加化由却代产入先山五太水万市眼体别处总才场师书比住员九笑性通目报立命活难神数件安表原车白应路期叫死常提感何更反合放做系计或司利受光果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留治决保参证办理申区县省街号村镇楼室单栋幢弄巷湖河州城乡庄桥园苑府坊里岭湾屯堡';

export function frequencyRank(): Map<string, number> {
  const rank = new Map<string, number>();
  Array.from(COMMON_CHARACTERS).forEach((char, i) => {
    if (!rank.has(char)) rank.set(char, i);
  });
  return rank;
}
