import type { OrgUnitsFile } from '../org-units.service';

/** The office's units and an example set of partner offices (from the product's reference data, shared/data/org-units.json;
 * a deployment loads its own list with `npm run cli -- org-units:load <file>`, same shape). */
export const DEFAULT_ORG_UNITS: OrgUnitsFile = {
  bureau: {
    code: '120000',
    name: '天津市知识产权局',
    abbr: '津',
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
    },
    {
      code: '120102',
      name: '河东区',
      abbr: '津东',
    },
    {
      code: '120103',
      name: '河西区',
      abbr: '津西',
    },
    {
      code: '120104',
      name: '南开区',
      abbr: '津南开',
    },
    {
      code: '120105',
      name: '河北区',
      abbr: '津北',
    },
    {
      code: '120106',
      name: '红桥区',
      abbr: '津红',
    },
    {
      code: '120110',
      name: '东丽区',
      abbr: '津丽',
    },
    {
      code: '120111',
      name: '西青区',
      abbr: '津青',
    },
    {
      code: '120112',
      name: '津南区',
      abbr: '津津南',
    },
    {
      code: '120113',
      name: '北辰区',
      abbr: '津辰',
    },
    {
      code: '120114',
      name: '武清区',
      abbr: '津武',
    },
    {
      code: '120115',
      name: '宝坻区',
      abbr: '津宝',
    },
    {
      code: '120116',
      name: '滨海新区',
      abbr: '津滨',
    },
    {
      code: '120117',
      name: '宁河区',
      abbr: '津宁',
    },
    {
      code: '120118',
      name: '静海区',
      abbr: '津静',
    },
    {
      code: '120119',
      name: '蓟州区',
      abbr: '津蓟',
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
