// The demo catalogue of DOMAIN.md as the renderer sees it: for the fake kiosk of screenshot
// runs and for unit tests. The real one comes from the platform through the sync engine.
import type {
  Catalog,
  FormField,
  LocalText,
  MaterialSpec,
  Service,
  ServiceGuide,
} from '../catalog/catalog-model';

const text = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

const idCard: MaterialSpec = {
  id: 'id-card',
  name: text('居民身份证', 'Resident ID card'),
  form: 'original',
  copies: 1,
  required: true,
  deferrable: false,
  byCommitment: false,
  scan: false,
  fromIdCard: true,
};

function material(
  id: string,
  zh: string,
  en: string,
  extra: Partial<MaterialSpec> = {},
): MaterialSpec {
  const electronic = extra.form === 'electronic';
  return {
    id,
    name: text(zh, en),
    form: 'original',
    copies: 1,
    required: true,
    deferrable: false,
    byCommitment: false,
    scan: !electronic,
    ...extra,
  };
}

const applicantFields: FormField[] = [
  {
    id: 'name',
    type: 'text',
    label: text('姓名', 'Name'),
    required: true,
    prefill: 'name',
    readOnly: true,
  },
  {
    id: 'idNumber',
    type: 'idNumber',
    label: text('身份证号码', 'ID number'),
    required: true,
    prefill: 'idNumber',
    readOnly: true,
  },
  { id: 'phone', type: 'phone', label: text('联系电话', 'Phone'), required: true },
];

function guide(overrides: Partial<ServiceGuide>): ServiceGuide {
  return {
    authority: text(
      '区人力资源和社会保障局',
      'District Human Resources and Social Security Bureau',
    ),
    conditions: [text('本市参保人员', 'Insured persons of this city')],
    process: [
      text('身份验证', 'Verify identity'),
      text('填写信息', 'Fill in'),
      text('提交申请', 'Submit'),
      text('打印回执', 'Print receipt'),
    ],
    legalLimit: { kind: 'immediate' },
    promisedLimit: { kind: 'immediate' },
    fee: text('不收费', 'Free'),
    locations: [
      {
        name: text(
          '区政务服务中心 7×24小时自助服务区',
          'District Service Centre, 24-hour self-service area',
        ),
        address: text('人民路100号一楼', '1F, 100 Renmin Road'),
        hours: text('全天24小时', '24 hours a day'),
      },
    ],
    visits: 0,
    consultPhone: '12345',
    complaintPhone: '12345',
    faq: [],
    ...overrides,
  };
}

const allowAll = { card: true, eid: true, manual: false };

export const demoServices: Service[] = [
  {
    code: '000131128000',
    itemCode: '00013112800001',
    kind: 'application',
    name: text('社保参保证明打印', 'Social insurance certificate printing'),
    audience: ['personal'],
    themeIds: ['social-security'],
    keywords: ['社保', '参保证明', '打印'],
    popularity: 980,
    kioskCapable: true,
    identify: allowAll,
    guide: guide({
      faq: [
        {
          question: text('证明可以用于什么？', 'What is the certificate for?'),
          answer: text(
            '可用于购房、入学、落户等需要参保证明的场合。',
            'For home purchase, school enrolment, residence registration and similar.',
          ),
        },
      ],
    }),
    materials: [idCard],
    form: [
      ...applicantFields.slice(0, 2),
      {
        id: 'period',
        type: 'choice',
        label: text('证明期间', 'Period'),
        required: true,
        options: [
          { value: '12m', label: text('近12个月', 'Last 12 months') },
          { value: '24m', label: text('近24个月', 'Last 24 months') },
          { value: 'all', label: text('全部参保记录', 'Whole record') },
        ],
      },
    ],
  },
  {
    code: '000131129000',
    kind: 'application',
    name: text('城乡居民医保参保登记', 'Urban and rural residents’ medical insurance registration'),
    audience: ['personal'],
    themeIds: ['medical'],
    keywords: ['医保', '参保', '登记'],
    popularity: 760,
    kioskCapable: true,
    identify: { card: true, eid: true, manual: true },
    guide: guide({
      authority: text('区医疗保障局', 'District Healthcare Security Bureau'),
      conditions: [
        text(
          '未参加职工医保的本市户籍或持居住证人员',
          'Residents without employee medical insurance',
        ),
      ],
    }),
    materials: [
      idCard,
      material('residence-permit', '居住证', 'Residence permit', {
        required: false,
        note: text('非本市户籍提供', 'If not a local resident'),
      }),
    ],
    form: [
      ...applicantFields,
      {
        id: 'address',
        type: 'address',
        label: text('居住地址', 'Home address'),
        required: true,
        prefill: 'address',
      },
      {
        id: 'category',
        type: 'choice',
        label: text('参保类别', 'Category'),
        required: true,
        options: [
          { value: 'adult', label: text('成年居民', 'Adult') },
          { value: 'student', label: text('学生儿童', 'Student or child') },
          { value: 'elderly', label: text('老年居民', 'Senior') },
        ],
      },
    ],
  },
  {
    code: '000131130000',
    kind: 'application',
    name: text('不动产登记结果查询', 'Real estate registration enquiry'),
    audience: ['personal', 'legal'],
    themeIds: ['housing'],
    keywords: ['不动产', '房产', '查询'],
    popularity: 540,
    kioskCapable: true,
    identify: allowAll,
    guide: guide({
      authority: text('区不动产登记中心', 'District Real Estate Registration Centre'),
      conditions: [text('不动产权利人本人', 'The registered owner')],
    }),
    materials: [
      material('request', '查询申请书', 'Enquiry form', {
        form: 'electronic',
        note: text('在本机填写即生成', 'Generated from this form'),
      }),
      idCard,
    ],
    form: [
      ...applicantFields,
      {
        id: 'property',
        type: 'address',
        label: text('不动产坐落', 'Property address'),
        required: true,
      },
    ],
  },
  {
    code: '000131131000',
    kind: 'application',
    name: text('居住证申领', 'Residence permit application'),
    audience: ['personal'],
    themeIds: ['household'],
    keywords: ['居住证', '暂住'],
    popularity: 700,
    kioskCapable: true,
    identify: allowAll,
    guide: guide({
      authority: text('区公安分局', 'District Public Security Bureau'),
      conditions: [
        text(
          '在本市居住满6个月，有合法稳定就业、住所或连续就读',
          'Six months’ residence with stable work, housing or study',
        ),
      ],
      legalLimit: { kind: 'working-days', value: 15 },
      promisedLimit: { kind: 'working-days', value: 10 },
      visits: 1,
    }),
    materials: [
      idCard,
      material('photo', '近期一寸免冠照片', 'Recent 1-inch photo'),
      material(
        'residence-proof',
        '居住证明（租赁合同或房产证）',
        'Proof of residence (lease or deed)',
      ),
      material('work-proof', '就业或就读证明', 'Proof of work or study', {
        deferrable: true,
        deferDays: 10,
      }),
    ],
    form: [
      ...applicantFields,
      {
        id: 'address',
        type: 'address',
        label: text('现居住地址', 'Current address'),
        required: true,
      },
      {
        id: 'since',
        type: 'date',
        label: text('居住起始日期', 'Living there since'),
        required: true,
      },
      {
        id: 'employer',
        type: 'text',
        label: text('工作单位或学校', 'Employer or school'),
        required: false,
        maxLength: 60,
      },
    ],
  },
  {
    code: '000131132000',
    kind: 'application',
    name: text('个体工商户设立登记', 'Individual business registration'),
    audience: ['legal'],
    themeIds: ['business'],
    keywords: ['个体户', '营业执照', '开店'],
    popularity: 420,
    kioskCapable: true,
    identify: allowAll,
    guide: guide({
      authority: text('区市场监督管理局', 'District Market Regulation Bureau'),
      conditions: [text('有经营能力的自然人', 'Natural persons able to run a business')],
      legalLimit: { kind: 'working-days', value: 3 },
      promisedLimit: { kind: 'on-the-spot' },
    }),
    materials: [
      material('application', '个体工商户登记申请书', 'Registration form', { form: 'electronic' }),
      idCard,
      material('premises', '经营场所使用证明', 'Proof of premises', { byCommitment: true }),
    ],
    form: [
      ...applicantFields,
      {
        id: 'businessName',
        type: 'text',
        label: text('个体户名称', 'Business name'),
        required: false,
        maxLength: 40,
      },
      { id: 'premises', type: 'address', label: text('经营场所', 'Premises'), required: true },
      {
        id: 'scope',
        type: 'text',
        label: text('经营范围', 'Business scope'),
        required: true,
        maxLength: 100,
      },
      {
        id: 'capital',
        type: 'number',
        label: text('资金数额（万元）', 'Capital (10,000 yuan)'),
        required: true,
        min: 0,
        max: 10000,
      },
      {
        id: 'signature',
        type: 'signature',
        label: text('申请人签名', 'Applicant signature'),
        required: true,
      },
    ],
    commitment: text(
      '本人承诺所提供的经营场所真实、合法、可用，如有不实，愿承担相应法律责任，并接受登记机关依法撤销登记。',
      'I promise the premises are real, lawful and usable; if not, I accept the legal consequences and the cancellation of the registration.',
    ),
  },
  {
    code: '000131133000',
    kind: 'application',
    name: text('新生儿出生一件事', 'Newborn one-stop service'),
    audience: ['personal'],
    themeIds: ['newborn'],
    keywords: ['出生', '新生儿', '落户', '出生证'],
    popularity: 380,
    kioskCapable: true,
    bundles: [
      text('出生医学证明', 'Birth medical certificate'),
      text('预防接种证', 'Vaccination card'),
      text('户口登记', 'Household registration'),
      text('社会保障卡', 'Social security card'),
      text('城乡居民医保参保', 'Medical insurance'),
    ],
    identify: allowAll,
    guide: guide({
      authority: text('区卫生健康委员会（牵头）', 'District Health Commission (lead)'),
      legalLimit: { kind: 'working-days', value: 5 },
      promisedLimit: { kind: 'working-days', value: 5 },
      conditions: [text('新生儿父母', 'Parents of the newborn')],
    }),
    materials: [
      material('birth-cert', '出生医学证明', 'Birth medical certificate'),
      idCard,
      material('other-parent-id', '另一方父母身份证', 'Other parent’s ID card', { form: 'copy' }),
      material('hukou', '户口簿', 'Household register'),
      material('marriage', '结婚证', 'Marriage certificate', { deferrable: true, deferDays: 5 }),
    ],
    form: [
      ...applicantFields,
      {
        id: 'babyName',
        type: 'text',
        label: text('新生儿姓名', 'Baby’s name'),
        required: true,
        maxLength: 10,
      },
      { id: 'babyBirth', type: 'date', label: text('出生日期', 'Date of birth'), required: true },
      {
        id: 'babySex',
        type: 'choice',
        label: text('新生儿性别', 'Baby’s sex'),
        required: true,
        options: [
          { value: 'male', label: text('男', 'Male') },
          { value: 'female', label: text('女', 'Female') },
        ],
      },
    ],
  },
  {
    code: '000131134000',
    kind: 'application',
    name: text('住房公积金提取', 'Housing provident fund withdrawal'),
    audience: ['personal'],
    themeIds: ['housing'],
    keywords: ['公积金', '提取', '租房'],
    popularity: 820,
    kioskCapable: true,
    identify: allowAll,
    guide: guide({
      authority: text('市住房公积金管理中心', 'City Housing Provident Fund Centre'),
      legalLimit: { kind: 'working-days', value: 3 },
      promisedLimit: { kind: 'working-days', value: 3 },
    }),
    materials: [
      idCard,
      material('bank-card', '本人银行卡', 'Own bank card'),
      material(
        'reason-proof',
        '提取原因证明（租赁合同或购房合同）',
        'Proof of reason (lease or purchase contract)',
      ),
    ],
    form: [
      ...applicantFields,
      {
        id: 'reason',
        type: 'choice',
        label: text('提取原因', 'Reason'),
        required: true,
        options: [
          { value: 'rent', label: text('租房', 'Renting') },
          { value: 'purchase', label: text('购房', 'Buying a home') },
        ],
      },
      {
        id: 'amount',
        type: 'number',
        label: text('提取金额（元）', 'Amount (yuan)'),
        required: true,
        min: 1,
        max: 1000000,
      },
    ],
  },
  {
    code: '000131135000',
    kind: 'application',
    name: text('老年人优待证', 'Senior citizen card'),
    audience: ['personal'],
    themeIds: ['elderly'],
    keywords: ['老年', '优待证', '敬老'],
    popularity: 640,
    kioskCapable: true,
    identify: { card: true, eid: true, manual: true },
    guide: guide({
      authority: text('区民政局', 'District Civil Affairs Bureau'),
      conditions: [text('年满60周岁的本市户籍或持居住证老年人', 'Residents aged 60 or over')],
    }),
    materials: [
      idCard,
      material('hukou', '户口簿或居住证', 'Household register or residence permit'),
      material('photo', '一寸照片', '1-inch photo'),
    ],
    form: [
      ...applicantFields,
      {
        id: 'address',
        type: 'address',
        label: text('居住地址', 'Home address'),
        required: true,
        prefill: 'address',
      },
    ],
  },
  {
    code: '000131136000',
    kind: 'application',
    name: text('社保卡补换', 'Social security card replacement'),
    audience: ['personal'],
    themeIds: ['social-security'],
    keywords: ['社保卡', '补卡', '换卡', '挂失'],
    popularity: 900,
    kioskCapable: false,
    elsewhere: text(
      '区政务服务中心社保窗口（需现场采集照片并制卡）',
      'Social security counter, District Service Centre (photo taken on site)',
    ),
    identify: allowAll,
    guide: guide({}),
    materials: [idCard],
    form: [],
  },
];

export const demoCatalog: Catalog = {
  version: 'demo-1',
  services: demoServices,
  themes: [
    { id: 'newborn', name: text('新生儿出生', 'A new baby'), serviceCodes: ['000131133000'] },
    {
      id: 'social-security',
      name: text('社保', 'Social security'),
      serviceCodes: ['000131128000', '000131136000'],
    },
    { id: 'medical', name: text('医保', 'Medical insurance'), serviceCodes: ['000131129000'] },
    {
      id: 'housing',
      name: text('住房', 'Housing'),
      serviceCodes: ['000131134000', '000131130000'],
    },
    { id: 'household', name: text('户籍居住', 'Residence'), serviceCodes: ['000131131000'] },
    {
      id: 'business',
      name: text('开办企业', 'Starting a business'),
      serviceCodes: ['000131132000'],
    },
    { id: 'elderly', name: text('养老敬老', 'Seniors'), serviceCodes: ['000131135000'] },
  ],
};
