import { describe, expect, it } from 'vitest'
import {
  applyMasks,
  findPersonalData,
  maskContact,
  maskFinding,
  maskNumber,
} from '../../../src/domain/privacy/index.js'

describe('masks follow the national conventions', () => {
  it('ID number: first four and last four kept', () => {
    expect(maskFinding('idNumber', '350102199003071234')).toBe('3501**********1234')
    expect(maskFinding('idNumber', '350102780512123')).toBe('3501*******2123')
  })
  it('mobile: 138****0000, separators and country code kept', () => {
    expect(maskFinding('mobile', '13800000000')).toBe('138****0000')
    expect(maskFinding('mobile', '138-1234-5678')).toBe('138-****-5678')
    expect(maskFinding('mobile', '138 1234 5678')).toBe('138 **** 5678')
    expect(maskFinding('mobile', '+86 13812345678')).toBe('+86 138****5678')
  })
  it('landline: area code kept, the local number hidden but its last four', () => {
    expect(maskFinding('landline', '0591-87654321')).toBe('0591-****4321')
    expect(maskFinding('landline', '(0591)87654321')).toBe('(0591)****4321')
    expect(maskFinding('landline', '0591-22871234转802')).toBe('0591-****1234转802')
  })
  it('bank card: first four and last four, written without spaces', () => {
    expect(maskFinding('bankCard', '6222 0212 3456 7890 123')).toBe('6222***********0123')
    expect(maskFinding('bankCard', '6222021234567890')).toBe('6222********7890')
  })
  it('plate: province and office kept, serial hidden but the last two', () => {
    expect(maskFinding('plate', '闽A·12345')).toBe('闽A·***45')
    expect(maskFinding('plate', '闽AD12345')).toBe('闽A****45')
  })
  it('address: kept down to the street or village, every number after it hidden', () => {
    expect(maskFinding('address', '福州市鼓楼区五四路158号3栋2单元501室')).toBe('福州市鼓楼区五四路*号*栋*单元*室')
    expect(maskFinding('address', '城门镇林浦村3组12号')).toBe('城门镇林浦村*组*号')
  })
  it('name: surname and 某 (two characters) or 某某 (three or more); compound surnames kept whole', () => {
    expect(maskFinding('name', '张三')).toBe('张某')
    expect(maskFinding('name', '张三丰')).toBe('张某某')
    expect(maskFinding('name', '欧阳明月')).toBe('欧阳某某')
    expect(maskFinding('name', '欧阳修')).toBe('欧阳某')
  })
  it('applyMasks replaces every finding and leaves the rest of the text as written', () => {
    const text = '当事人：张三丰，身份证号码：11010519491231002X，电话13800000000。'
    expect(applyMasks(text, findPersonalData(text))).toBe(
      '当事人：张某某，身份证号码：1101**********002X，电话138****0000。',
    )
  })
})

describe('a number of no stated kind is masked by its shape, with the same masks', () => {
  it.each([
    ['11010519491231002X', '1101**********002X'],
    ['13905701234', '139****1234'],
    ['139-0570-1234', '139-****-1234'],
    ['0591-87654321', '0591-****4321'],
    ['91350100MA2Y1234', '************1234'],
    ['123', '***'],
  ])('%s → %s', (v, masked) => {
    expect(maskNumber(v)).toBe(masked)
  })
})

describe('where a message went is masked as the fields are', () => {
  it.each([
    ['chen@example.cn', 'c***@example.cn'],
    ['13905701234', '139****1234'],
  ])('%s → %s', (v, masked) => {
    expect(maskContact(v)).toBe(masked)
  })
})
