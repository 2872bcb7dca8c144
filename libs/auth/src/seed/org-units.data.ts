import type { OrgUnitsFile } from '../org-units.service';

/** The office's units and an example set of partner offices (from the product's reference data, shared/data/org-units.json;
 * a deployment loads its own list with `npm run cli -- org-units:load <file>`, same shape). The enforcement units'
 * 统一社会信用代码 (处罚机关 on credit-platform publications) are made-up demo values with valid GB 32100 check characters. */
export const DEFAULT_ORG_UNITS: OrgUnitsFile = {
  bureau: {
    code: '120000',
    name: '天津市知识产权局',
    abbr: '津',
    uscc: '11120000MB1200004P',
  },
  hotlineCenter: {
    code: '120000-12330',
    name: '天津市知识产权维权援助中心（12330）',
    abbr: '津维援',
    parentCode: '120000',
  },
  districts: [
    {
      code: '120101',
      name: '和平区',
      abbr: '津和',
      uscc: '11120101MB1201015N',
    },
    {
      code: '120102',
      name: '河东区',
      abbr: '津东',
      uscc: '11120102MB12010230',
    },
    {
      code: '120103',
      name: '河西区',
      abbr: '津西',
      uscc: '11120103MB12010319',
    },
    {
      code: '120104',
      name: '南开区',
      abbr: '津南开',
      uscc: '11120104MB120104XF',
    },
    {
      code: '120105',
      name: '河北区',
      abbr: '津北',
      uscc: '11120105MB1201058X',
    },
    {
      code: '120106',
      name: '红桥区',
      abbr: '津红',
      uscc: '11120106MB12010667',
    },
    {
      code: '120110',
      name: '东丽区',
      abbr: '津丽',
      uscc: '11120110MB12011036',
    },
    {
      code: '120111',
      name: '西青区',
      abbr: '津青',
      uscc: '11120111MB1201111F',
    },
    {
      code: '120112',
      name: '津南区',
      abbr: '津津南',
      uscc: '11120112MB120112XM',
    },
    {
      code: '120113',
      name: '北辰区',
      abbr: '津辰',
      uscc: '11120113MB12011384',
    },
    {
      code: '120114',
      name: '武清区',
      abbr: '津武',
      uscc: '11120114MB1201146D',
    },
    {
      code: '120115',
      name: '宝坻区',
      abbr: '津宝',
      uscc: '11120115MB1201154N',
    },
    {
      code: '120116',
      name: '滨海新区',
      abbr: '津滨',
      uscc: '11120116MB12011620',
    },
    {
      code: '120117',
      name: '宁河区',
      abbr: '津宁',
      uscc: '11120117MB12011709',
    },
    {
      code: '120118',
      name: '静海区',
      abbr: '津静',
      uscc: '11120118MB1201189L',
    },
    {
      code: '120119',
      name: '蓟州区',
      abbr: '津蓟',
      uscc: '11120119MB1201197X',
    },
  ],
  partners: [
    {
      code: '110000',
      name: '北京市知识产权局',
    },
    {
      code: '130000',
      name: '河北省知识产权局',
    },
    {
      code: '140000',
      name: '山西省知识产权局',
    },
    {
      code: '150000',
      name: '内蒙古自治区知识产权局',
    },
    {
      code: '210000',
      name: '辽宁省知识产权局',
    },
    {
      code: '220000',
      name: '吉林省知识产权局',
    },
    {
      code: '230000',
      name: '黑龙江省知识产权局',
    },
    {
      code: '370000',
      name: '山东省知识产权局',
    },
  ],
};
