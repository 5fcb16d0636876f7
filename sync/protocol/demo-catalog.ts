import type { CatalogContent, Guide, Material, Service, TimeLimit } from './catalog';
import type { FormField } from './form-schema';
import type { LocalizedText } from '../../domain/localized-text';

/**
 * The demo catalogue of docs/domain.md: ten services in zh-CN and en. The platform seeds it on
 * first start; the renderer's fake kiosk (`vite dev ?fake`) shows it too, which is why it is
 * here, as data with no imports but types, rather than with the server.
 * Codes, telephone numbers and addresses are made up; figures vary by city.
 */

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function material(
  id: string,
  name: LocalizedText,
  options: Partial<Omit<Material, 'id' | 'name'>> = {},
): Material {
  return {
    id,
    name,
    forms: ['original'],
    copies: 1,
    required: true,
    deferrable: false,
    promiseAllowed: false,
    electronicLicence: false,
    scan: true,
    ...options,
  };
}

const idCard = (options: Partial<Material> = {}) =>
  material('id-card', t('居民身份证', 'Resident ID card'), {
    scan: false,
    copies: 0,
    electronicLicence: true,
    ...options,
  });
const householdRegister = (options: Partial<Material> = {}) =>
  material('household-register', t('居民户口簿', 'Household register (户口簿)'), {
    electronicLicence: true,
    ...options,
  });
const signature: FormField = {
  key: 'signature',
  type: 'signature',
  label: t('申请人签名', "Applicant's signature"),
  required: true,
};
const phone: FormField = {
  key: 'phone',
  type: 'phone',
  label: t('联系电话', 'Telephone'),
  required: true,
};
const applicantName: FormField = {
  key: 'applicantName',
  type: 'text',
  maxLength: 50,
  label: t('申请人姓名', "Applicant's name"),
  required: true,
  prefill: 'name',
};
const applicantId: FormField = {
  key: 'applicantIdNumber',
  type: 'idNumber',
  label: t('公民身份号码', 'ID number'),
  required: true,
  prefill: 'idNumber',
};
const address: FormField = {
  key: 'address',
  type: 'address',
  label: t('联系地址', 'Address'),
  required: true,
  prefill: 'address',
};

const limit = (kind: TimeLimit['kind'], value?: number, note?: LocalizedText): TimeLimit => ({
  kind,
  ...(value === undefined ? {} : { value }),
  ...(note === undefined ? {} : { note }),
});

const HALL = {
  name: t('区政务服务中心', 'District Government Service Centre'),
  address: t('示范区人民路 100 号', '100 Renmin Road, Demo District'),
  hours: t(
    '窗口：工作日 9:00–17:00；自助区：7×24 小时',
    'Counters: working days 9:00–17:00; self-service area: 24/7',
  ),
};
const SELF_SERVICE = {
  name: t('街道 24 小时自助服务区', 'Street-level 24-hour self-service area'),
  address: t('各街道便民服务中心一楼', 'Ground floor of each street service centre'),
  hours: t('7×24 小时', '24/7'),
};

function guide(
  partial: Pick<
    Guide,
    'authority' | 'conditions' | 'materials' | 'process' | 'legalTimeLimit' | 'promisedTimeLimit'
  > &
    Partial<Guide>,
): Guide {
  return {
    fee: t('不收费', 'Free of charge'),
    free: true,
    locations: [SELF_SERVICE, HALL],
    visits: 0,
    consultPhone: '12345',
    complaintPhone: '12345',
    faq: [],
    ...partial,
  };
}

function service(
  s: Omit<Service, 'itemCode' | 'identityFields'> &
    Partial<Pick<Service, 'itemCode' | 'identityFields'>>,
): Service {
  return { itemCode: `${s.code}01`, identityFields: ['name', 'idNumber'], ...s };
}

const SOCIAL_SECURITY = t(
  '区人力资源和社会保障局',
  'District Human Resources and Social Security Bureau',
);
const MEDICAL = t('区医疗保障局', 'District Healthcare Security Bureau');

export const DEMO_CATALOG: CatalogContent = {
  services: [
    service({
      code: '000131128000',
      kind: 'print',
      name: t('社保参保证明打印', 'Social insurance certificate printing'),
      summary: t(
        '打印本人社会保险参保缴费证明',
        'Print proof of your social insurance contributions',
      ),
      audience: ['individual'],
      popularity: 1,
      keywords: ['社保', '参保证明', '缴费证明', 'social insurance'],
      guide: guide({
        authority: SOCIAL_SECURITY,
        conditions: [t('已在本市参加社会保险的人员', 'Persons insured in this city')],
        materials: [idCard()],
        process: [
          t('刷身份证', 'Place your ID card on the reader'),
          t('选择证明类型', 'Choose the certificate'),
          t('打印', 'Print'),
        ],
        legalTimeLimit: limit('immediate'),
        promisedTimeLimit: limit('immediate'),
        faq: [
          {
            question: t('打印的证明有效吗？', 'Is the printed certificate valid?'),
            answer: t(
              '证明带电子印章和验证码，可在官网核验。',
              'It carries an e-seal and a code that can be checked online.',
            ),
          },
        ],
      }),
      form: {
        fields: [
          {
            key: 'proofType',
            type: 'choice',
            label: t('证明类型', 'Certificate'),
            required: true,
            options: [
              { value: 'contribution', label: t('参保缴费证明', 'Contribution record') },
              { value: 'rights', label: t('个人权益记录', 'Personal rights record') },
            ],
          },
          {
            key: 'fromDate',
            type: 'date',
            label: t('起始日期', 'From'),
            required: false,
            notAfterToday: true,
          },
        ],
      },
    }),
    service({
      code: '000131137000',
      kind: 'application',
      name: t('城乡居民医保参保登记', 'Residents’ medical insurance registration'),
      summary: t(
        '城乡居民基本医疗保险参保登记',
        'Register for basic medical insurance for urban and rural residents',
      ),
      audience: ['individual'],
      popularity: 4,
      keywords: ['医保', '参保登记', 'medical insurance'],
      identityFields: ['name', 'idNumber', 'sex', 'birthDate', 'address', 'phone'],
      guide: guide({
        authority: MEDICAL,
        conditions: [
          t(
            '未参加职工医保的本市户籍居民或持本市居住证人员',
            'Residents not covered by employee insurance, local or holding a residence permit',
          ),
        ],
        materials: [
          idCard({
            required: false,
            condition: t('身份证或户口簿其一', 'ID card or household register'),
          }),
          householdRegister({
            required: false,
            condition: t('身份证或户口簿其一', 'ID card or household register'),
          }),
          material('residence-permit', t('居住证', 'Residence permit'), {
            required: false,
            condition: t('非本地户籍提供', 'If not locally registered'),
            electronicLicence: true,
          }),
        ],
        process: [
          t('刷身份证', 'Place your ID card'),
          t('填写参保信息', 'Fill in the form'),
          t('提交并打印回执', 'Submit and print the receipt'),
        ],
        legalTimeLimit: limit('immediate'),
        promisedTimeLimit: limit('immediate'),
        fee: t(
          '登记不收费；按年度缴纳个人缴费部分',
          'Registration is free; the yearly contribution is paid separately',
        ),
        faq: [
          {
            question: t('什么时候开始享受待遇？', 'When does cover begin?'),
            answer: t(
              '集中缴费期内参保的，次年 1 月 1 日起享受待遇。',
              'If you register in the annual window, from 1 January next year.',
            ),
          },
        ],
      }),
      form: {
        fields: [
          applicantName,
          applicantId,
          phone,
          address,
          {
            key: 'householdType',
            type: 'choice',
            label: t('户籍类型', 'Household registration'),
            required: true,
            options: [
              { value: 'local', label: t('本地户籍', 'Local') },
              { value: 'non-local', label: t('非本地户籍', 'Non-local') },
            ],
          },
          {
            key: 'category',
            type: 'choice',
            label: t('参保类别', 'Category'),
            required: true,
            options: [
              { value: 'adult', label: t('成年居民', 'Adult resident') },
              { value: 'student', label: t('学生儿童', 'Student or child') },
              { value: 'elderly', label: t('老年居民', 'Elderly resident') },
            ],
          },
          signature,
        ],
      },
    }),
    service({
      code: '000171021000',
      kind: 'query',
      name: t('不动产登记结果查询', 'Real estate registration enquiry'),
      summary: t('查询本人名下不动产登记结果', 'Look up real estate registered in your name'),
      audience: ['individual', 'legal-person'],
      popularity: 6,
      keywords: ['不动产', '房产', '查询', 'real estate'],
      guide: guide({
        authority: t('区不动产登记中心', 'District Real Estate Registration Centre'),
        conditions: [t('权利人本人查询', 'The right holder in person')],
        materials: [
          material('query-application', t('不动产登记资料查询申请书', 'Enquiry application form'), {
            forms: ['electronic'],
            scan: false,
          }),
          idCard(),
        ],
        process: [
          t('刷身份证', 'Place your ID card'),
          t('填写查询申请书', 'Fill in the enquiry form'),
          t('当场打印查询结果', 'Print the result on the spot'),
        ],
        legalTimeLimit: limit('on-the-spot'),
        promisedTimeLimit: limit('on-the-spot'),
      }),
      form: {
        fields: [
          applicantName,
          applicantId,
          {
            key: 'purpose',
            type: 'choice',
            label: t('查询目的', 'Purpose'),
            required: true,
            options: [
              { value: 'loan', label: t('贷款', 'Loan') },
              { value: 'school', label: t('入学', 'School enrolment') },
              { value: 'other', label: t('其他', 'Other') },
            ],
          },
          {
            key: 'propertyAddress',
            type: 'address',
            label: t('不动产坐落', 'Property location'),
            required: false,
          },
          signature,
        ],
      },
    }),
    service({
      code: '000104113000',
      kind: 'application',
      name: t('居住证申领', 'Residence permit application'),
      summary: t(
        '在本市居住满半年的非本市户籍人员申领居住证',
        'For non-local residents who have lived here six months',
      ),
      audience: ['individual'],
      popularity: 3,
      keywords: ['居住证', 'residence permit'],
      identityFields: ['name', 'idNumber', 'sex', 'ethnicity', 'birthDate', 'address', 'phone'],
      guide: guide({
        authority: t('区公安分局', 'District Public Security Bureau'),
        conditions: [
          t(
            '离开常住户口所在地，在本市居住半年以上',
            'Living in this city for more than six months away from your registered household',
          ),
          t(
            '有合法稳定就业、合法稳定住所或连续就读之一',
            'Stable employment, stable residence or continuous study',
          ),
        ],
        materials: [
          idCard(),
          material('photo', t('近期免冠彩色照片', 'Recent colour photo, bareheaded'), {
            forms: ['original', 'electronic'],
          }),
          material(
            'residence-proof',
            t('居住证明（租赁合同或房产证）', 'Proof of residence (lease or deed)'),
            { forms: ['original', 'copy'] },
          ),
          material('work-study-proof', t('就业或就读证明', 'Proof of work or study'), {
            forms: ['original', 'copy'],
            deferrable: true,
          }),
        ],
        process: [
          t('填写申请', 'Apply'),
          t('派出所审核', 'Police station review'),
          t('制证', 'Card production'),
          t('领取或邮寄', 'Collect or receive by post'),
        ],
        legalTimeLimit: limit('days', 15),
        promisedTimeLimit: limit('days', 15),
        visits: 1,
        consultPhone: '0571-00000110',
        deferralNote: t(
          '就业或就读证明可容缺受理，须在 15 日内补交；有失信记录者不适用。',
          'Proof of work or study may follow within 15 days; not for applicants with bad credit records.',
        ),
        faq: [
          {
            question: t('居住证有效期多久？', 'How long is it valid?'),
            answer: t(
              '一年，期满前 30 日内签注。',
              'One year; endorse it within 30 days before it expires.',
            ),
          },
        ],
      }),
      form: {
        fields: [
          applicantName,
          applicantId,
          phone,
          {
            key: 'residenceAddress',
            type: 'address',
            label: t('居住地址', 'Address of residence'),
            required: true,
          },
          {
            key: 'residenceSince',
            type: 'date',
            label: t('居住起始日期', 'Living there since'),
            required: true,
            notAfterToday: true,
          },
          {
            key: 'residenceType',
            type: 'choice',
            label: t('居住类型', 'Type of residence'),
            required: true,
            options: [
              { value: 'rented', label: t('租赁', 'Rented') },
              { value: 'owned', label: t('自有住房', 'Owned') },
              { value: 'dormitory', label: t('单位宿舍', 'Employer dormitory') },
            ],
          },
          {
            key: 'workplace',
            type: 'text',
            maxLength: 100,
            label: t('工作单位或学校', 'Employer or school'),
            required: false,
          },
          signature,
        ],
      },
    }),
    service({
      code: '000148001000',
      kind: 'application',
      name: t('个体工商户设立登记', 'Sole proprietorship registration'),
      summary: t('申请个体工商户营业执照', 'Apply for an individual business licence'),
      audience: ['individual', 'legal-person'],
      popularity: 5,
      keywords: ['个体户', '营业执照', '开业', 'business licence'],
      identityFields: ['name', 'idNumber', 'address', 'phone'],
      guide: guide({
        authority: t('区市场监督管理局', 'District Administration for Market Regulation'),
        conditions: [t('有经营能力的自然人', 'A natural person able to run a business')],
        materials: [
          material(
            'registration-application',
            t('个体工商户登记申请书', 'Registration application'),
            { forms: ['electronic'], scan: false },
          ),
          idCard(),
          material('premises-proof', t('经营场所证明', 'Proof of premises'), {
            forms: ['original', 'copy'],
            promiseAllowed: true,
          }),
        ],
        process: [
          t('填写申请书', 'Fill in the application'),
          t('审核', 'Review'),
          t('核发营业执照', 'Licence issued'),
        ],
        legalTimeLimit: limit('working-days', 3),
        promisedTimeLimit: limit(
          'on-the-spot',
          undefined,
          t('材料齐全当场办结，否则 3 个工作日', 'On the spot when complete, else 3 working days'),
        ),
        faq: [
          {
            question: t('没有房产证怎么办？', 'No deed for the premises?'),
            answer: t(
              '可选择告知承诺，签署承诺书后免交场所证明。',
              'Sign a promise (告知承诺) instead of the proof.',
            ),
          },
        ],
      }),
      form: {
        fields: [
          {
            key: 'businessName',
            type: 'text',
            maxLength: 60,
            label: t('个体工商户名称', 'Business name'),
            required: true,
          },
          applicantName,
          applicantId,
          phone,
          {
            key: 'premisesAddress',
            type: 'address',
            label: t('经营场所', 'Premises'),
            required: true,
          },
          {
            key: 'businessScope',
            type: 'text',
            maxLength: 500,
            multiline: true,
            label: t('经营范围', 'Business scope'),
            required: true,
          },
          {
            key: 'capital',
            type: 'number',
            min: 0,
            max: 100_000_000,
            label: t('资金数额（元）', 'Capital (yuan)'),
            required: true,
          },
          {
            key: 'employees',
            type: 'number',
            min: 0,
            max: 1000,
            integer: true,
            label: t('从业人数', 'Employees'),
            required: true,
          },
          signature,
        ],
      },
    }),
    service({
      code: '000110050000',
      kind: 'application',
      name: t('新生儿出生一件事', 'Newborn: one application for everything'),
      summary: t(
        '一次办理出生医学证明、预防接种证、户口登记、社保卡和医保参保',
        'Birth certificate, vaccination card, household registration, social security card and medical insurance at once',
      ),
      audience: ['individual'],
      popularity: 2,
      keywords: ['新生儿', '出生', '落户', 'newborn', 'birth'],
      identityFields: ['name', 'idNumber', 'address', 'phone'],
      themeCode: 'newborn',
      guide: guide({
        authority: t(
          '区卫生健康局（牵头）、公安、人社、医保部门',
          'District Health Commission (lead) with police, social security and healthcare security',
        ),
        conditions: [
          t(
            '本市医疗机构出生的新生儿，父母一方为本市户籍',
            'Born in a hospital of this city, one parent registered locally',
          ),
        ],
        materials: [
          material('birth-certificate', t('出生医学证明', 'Medical birth certificate'), {
            electronicLicence: true,
          }),
          material('father-id', t('父亲居民身份证', "Father's ID card"), {
            electronicLicence: true,
          }),
          material('mother-id', t('母亲居民身份证', "Mother's ID card"), {
            electronicLicence: true,
          }),
          householdRegister(),
          material('marriage-certificate', t('结婚证', 'Marriage certificate'), {
            deferrable: true,
            electronicLicence: true,
          }),
        ],
        process: [
          t('一表填报', 'One form'),
          t('各部门并联审批', 'Departments review in parallel'),
          t('证件统一寄递', 'Documents posted together'),
        ],
        legalTimeLimit: limit('working-days', 5),
        promisedTimeLimit: limit('working-days', 5),
        visits: 0,
        deferralNote: t(
          '结婚证可容缺，须在 5 个工作日内补交。',
          'The marriage certificate may follow within 5 working days.',
        ),
        faq: [
          {
            question: t('可以选择只办部分事项吗？', 'Can I apply for only some items?'),
            answer: t('可以，在表单中勾选需要办理的事项。', 'Yes: tick the items you need.'),
          },
        ],
      }),
      form: {
        fields: [
          {
            key: 'babyName',
            type: 'text',
            maxLength: 50,
            label: t('新生儿姓名', "Baby's name"),
            required: true,
          },
          {
            key: 'babySex',
            type: 'choice',
            label: t('新生儿性别', "Baby's sex"),
            required: true,
            options: [
              { value: 'male', label: t('男', 'Male') },
              { value: 'female', label: t('女', 'Female') },
            ],
          },
          {
            key: 'birthDate',
            type: 'date',
            label: t('出生日期', 'Date of birth'),
            required: true,
            notAfterToday: true,
          },
          {
            key: 'hospital',
            type: 'text',
            maxLength: 100,
            label: t('出生医院', 'Hospital'),
            required: true,
          },
          applicantName,
          applicantId,
          {
            key: 'otherParentName',
            type: 'text',
            maxLength: 50,
            label: t('另一方父母姓名', "Other parent's name"),
            required: true,
          },
          {
            key: 'otherParentIdNumber',
            type: 'idNumber',
            label: t('另一方父母身份号码', "Other parent's ID number"),
            required: true,
          },
          {
            key: 'registrationAddress',
            type: 'address',
            label: t('落户地址', 'Household registration address'),
            required: true,
          },
          phone,
          {
            key: 'items',
            type: 'choice',
            multiple: true,
            label: t('办理事项', 'Items to apply for'),
            required: true,
            options: [
              { value: 'birth-certificate', label: t('出生医学证明', 'Medical birth certificate') },
              { value: 'vaccination', label: t('预防接种证', 'Vaccination card') },
              { value: 'household', label: t('户口登记', 'Household registration') },
              { value: 'social-security-card', label: t('社保卡', 'Social security card') },
              { value: 'medical-insurance', label: t('医保参保', 'Medical insurance') },
            ],
          },
          signature,
        ],
      },
    }),
    service({
      code: '000125002000',
      kind: 'application',
      name: t('住房公积金提取', 'Housing provident fund withdrawal'),
      summary: t(
        '租房、购房等情形提取住房公积金',
        'Withdraw from your housing fund for rent or purchase',
      ),
      audience: ['individual'],
      popularity: 7,
      keywords: ['公积金', '提取', 'housing fund'],
      identityFields: ['name', 'idNumber', 'phone'],
      guide: guide({
        authority: t('市住房公积金管理中心', 'City Housing Provident Fund Centre'),
        conditions: [
          t(
            '正常缴存住房公积金的职工，且符合提取情形',
            'Contributing employees meeting a withdrawal case',
          ),
        ],
        materials: [
          idCard(),
          material('bank-card', t('本人银行卡', 'Your bank card'), { copies: 0 }),
          material(
            'reason-proof',
            t(
              '提取原因证明（租赁合同、购房合同）',
              'Proof of the reason (lease or purchase contract)',
            ),
            { forms: ['original', 'copy'], deferrable: true },
          ),
        ],
        process: [
          t('选择提取原因', 'Choose the reason'),
          t('审核', 'Review'),
          t('转账到账', 'Transfer to your account'),
        ],
        legalTimeLimit: limit('days', 3),
        promisedTimeLimit: limit('days', 3),
        consultPhone: '12329',
      }),
      form: {
        fields: [
          applicantName,
          applicantId,
          {
            key: 'reason',
            type: 'choice',
            label: t('提取原因', 'Reason'),
            required: true,
            options: [
              { value: 'rent', label: t('租房', 'Renting') },
              { value: 'purchase', label: t('购房', 'Purchase') },
              { value: 'retirement', label: t('退休', 'Retirement') },
            ],
          },
          {
            key: 'amount',
            type: 'number',
            min: 1,
            max: 10_000_000,
            label: t('提取金额（元）', 'Amount (yuan)'),
            required: true,
          },
          {
            key: 'bankAccount',
            type: 'text',
            maxLength: 30,
            label: t('银行账号', 'Bank account'),
            required: true,
          },
          phone,
          signature,
        ],
      },
    }),
    service({
      code: '000128005000',
      kind: 'application',
      name: t('老年人优待证', 'Senior citizen card'),
      summary: t('60 周岁以上老年人申领优待证', 'For residents aged 60 and over'),
      audience: ['individual'],
      popularity: 8,
      keywords: ['老年人', '优待证', 'senior'],
      identityFields: ['name', 'idNumber', 'birthDate', 'address', 'phone'],
      guide: guide({
        authority: t('区民政局', 'District Civil Affairs Bureau'),
        conditions: [t('年满 60 周岁', 'Aged 60 or over')],
        materials: [
          idCard(),
          householdRegister({
            required: false,
            condition: t('户口簿或居住证其一', 'Household register or residence permit'),
          }),
          material('residence-permit', t('居住证', 'Residence permit'), {
            required: false,
            condition: t('户口簿或居住证其一', 'Household register or residence permit'),
          }),
          material('photo', t('一寸免冠照片', '1-inch photo, bareheaded'), {
            forms: ['original', 'electronic'],
            deferrable: true,
          }),
        ],
        process: [
          t('刷身份证', 'Place your ID card'),
          t('拍照', 'Photo'),
          t('当场制证', 'Card made on the spot'),
        ],
        legalTimeLimit: limit('immediate'),
        promisedTimeLimit: limit('immediate'),
      }),
      form: {
        fields: [
          applicantName,
          applicantId,
          phone,
          address,
          {
            key: 'emergencyContact',
            type: 'text',
            maxLength: 50,
            label: t('紧急联系人', 'Emergency contact'),
            required: false,
          },
          {
            key: 'emergencyPhone',
            type: 'phone',
            label: t('紧急联系电话', 'Emergency telephone'),
            required: false,
          },
          signature,
        ],
      },
    }),
    service({
      code: '000131150000',
      kind: 'application',
      name: t('社保卡补换', 'Social security card replacement'),
      summary: t('社会保障卡遗失、损坏补换', 'Replace a lost or damaged social security card'),
      audience: ['individual'],
      popularity: 9,
      keywords: ['社保卡', '补卡', '换卡', 'social security card'],
      identityFields: ['name', 'idNumber', 'address', 'phone'],
      guide: guide({
        authority: SOCIAL_SECURITY,
        conditions: [t('已领取社会保障卡的参保人员', 'Insured persons holding a card')],
        materials: [idCard()],
        process: [
          t('挂失原卡', 'Report the old card'),
          t('提交补换申请', 'Apply'),
          t('即时制卡或邮寄', 'Card made at once or posted'),
        ],
        legalTimeLimit: limit('immediate'),
        promisedTimeLimit: limit('immediate'),
        fee: t(
          '损坏换卡免费；遗失补卡工本费按规定收取',
          'Free for damaged cards; a card fee applies to lost ones',
        ),
        free: false,
      }),
      form: {
        fields: [
          applicantName,
          applicantId,
          {
            key: 'reason',
            type: 'choice',
            label: t('补换原因', 'Reason'),
            required: true,
            options: [
              { value: 'lost', label: t('遗失', 'Lost') },
              { value: 'damaged', label: t('损坏', 'Damaged') },
              { value: 'changed', label: t('信息变更', 'Details changed') },
            ],
          },
          phone,
          {
            key: 'mailingAddress',
            type: 'address',
            label: t('邮寄地址', 'Postal address'),
            required: false,
          },
          signature,
        ],
      },
    }),
    service({
      code: 'progress-lookup',
      itemCode: 'progress-lookup',
      kind: 'query',
      name: t('办件进度查询', 'Application progress'),
      summary: t('凭办件编号或身份证查询办理进度', 'Check progress by receipt number or ID card'),
      audience: ['individual', 'legal-person'],
      popularity: 10,
      keywords: ['进度', '查询', 'progress'],
      identityFields: [],
      guide: guide({
        authority: t('区政务服务管理办公室', 'District Government Services Office'),
        conditions: [t('已提交的办件', 'Any submitted application')],
        materials: [
          material('receipt-number', t('办件编号（受理回执）', 'Receipt number'), {
            required: false,
            scan: false,
            copies: 0,
            condition: t('办件编号或身份证其一', 'Receipt number or ID card'),
          }),
          idCard({
            required: false,
            condition: t('办件编号或身份证其一', 'Receipt number or ID card'),
          }),
        ],
        process: [
          t('扫描回执二维码或刷身份证', 'Scan the receipt QR code or place your ID card'),
          t('查看进度', 'See the progress'),
        ],
        legalTimeLimit: limit('none'),
        promisedTimeLimit: limit('none'),
      }),
      form: { fields: [] },
    }),
  ],
  themes: [
    {
      code: 'newborn',
      name: t('新生儿出生一件事', 'Newborn'),
      description: t(
        '一张表单、一套材料，办齐新生儿五个事项',
        'One form and one set of materials for five items',
      ),
      bundledItems: [
        t('出生医学证明', 'Medical birth certificate'),
        t('预防接种证', 'Vaccination card'),
        t('户口登记', 'Household registration'),
        t('社会保障卡申领', 'Social security card'),
        t('城乡居民医保参保登记', 'Medical insurance registration'),
      ],
      serviceCodes: ['000110050000', '000131137000'],
    },
    {
      code: 'open-a-business',
      name: t('个体工商户开业一件事', 'Opening a small business'),
      description: t(
        '营业执照、印章、税务和社保登记一次办',
        'Licence, seal, tax and social insurance registration at once',
      ),
      bundledItems: [
        t('个体工商户设立登记', 'Business registration'),
        t('印章刻制', 'Company seal'),
        t('税务信息确认', 'Tax registration'),
        t('社保登记', 'Social insurance registration'),
      ],
      serviceCodes: ['000148001000'],
    },
    {
      code: 'senior-citizens',
      name: t('老年人服务一件事', 'Services for senior citizens'),
      description: t(
        '优待证、医保和社保证明',
        'Senior card, medical insurance and social insurance proof',
      ),
      bundledItems: [
        t('老年人优待证', 'Senior citizen card'),
        t('城乡居民医保参保登记', 'Medical insurance registration'),
        t('社保参保证明打印', 'Social insurance certificate'),
      ],
      serviceCodes: ['000128005000', '000131137000', '000131128000'],
    },
  ],
};
