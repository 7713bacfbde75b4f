/**
 * Public holidays and make-up working days of the years before those the app ships with
 * (resources/calendar has 2025 and 2026), as an office's administrator would have entered them, so
 * three years of seeded deadlines are counted on a real calendar, not a provisional one.
 * Sources: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）; 关于2024年部分节假日安排
 * 的通知（国办发明电〔2023〕7号）.
 */
export interface HolidayYear {
  year: number;
  source: string;
  holidays: { day: string; name: string }[];
  workdays: string[];
}

const span = (name: string, from: string, to: string) => {
  const out: { day: string; name: string }[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) out.push({ day: new Date(d).toISOString().slice(0, 10), name });
  return out;
};

export const EARLIER_YEARS: readonly HolidayYear[] = [
  {
    year: 2023,
    source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
    holidays: [
      ...span('元旦', '2023-01-01', '2023-01-02'),
      ...span('春节', '2023-01-21', '2023-01-27'),
      ...span('清明节', '2023-04-05', '2023-04-05'),
      ...span('劳动节', '2023-04-29', '2023-05-03'),
      ...span('端午节', '2023-06-22', '2023-06-24'),
      ...span('中秋节、国庆节', '2023-09-29', '2023-10-06'),
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    holidays: [
      ...span('元旦', '2024-01-01', '2024-01-01'),
      ...span('春节', '2024-02-10', '2024-02-17'),
      ...span('清明节', '2024-04-04', '2024-04-06'),
      ...span('劳动节', '2024-05-01', '2024-05-05'),
      ...span('端午节', '2024-06-10', '2024-06-10'),
      ...span('中秋节', '2024-09-15', '2024-09-17'),
      ...span('国庆节', '2024-10-01', '2024-10-07'),
    ],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
];
