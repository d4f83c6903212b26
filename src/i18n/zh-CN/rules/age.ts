import type { Params, RuleCatalogue } from './types';

function range(p: Params): string {
  if (p.min !== '' && p.max !== '') return `${p.min}–${p.max} 周岁`;
  if (p.min !== '') return `不小于 ${p.min} 周岁`;
  return `不大于 ${p.max} 周岁`;
}

const SOURCE: Record<string, string> = {
  idcard: '按身份证号',
  birthDate: '按出生日期',
  age: '按表中年龄',
};

export const ageTexts: RuleCatalogue = {
  'age.out-of-range': {
    title: '年龄不在适龄范围',
    message: (p) => {
      if (p.source === 'age') return `年龄 ${p.age} 岁，不在本表的适龄范围（${range(p)}）内`;
      const source = SOURCE[String(p.source)] ?? '';
      if (p.direction === 'young') {
        return `${source}，到 ${String(p.referenceDate).slice(0, 4)} 年底也只满 ${p.age} 周岁，未到本表的适龄范围（${range(p)}）`;
      }
      return `${source}，到 ${p.referenceDate} 已满 ${p.age} 周岁，超出本表的适龄范围（${range(p)}）`;
    },
    fix: '核对身份证号、出生日期和年龄；确已不在义务教育适龄范围的，不应列入本表，按核减规定另行处理',
  },
  'age.birth-out-of-range': {
    title: '出生日期不在本表范围',
    message: (p) => `出生日期 ${p.birth} 不在本表登记的出生范围（${p.from || '不限'} 至 ${p.to || '不限'}）内`,
    fix: '核对身份证号；本表只登记该出生范围内的儿童，号码无误的不应列入本表',
  },
};
