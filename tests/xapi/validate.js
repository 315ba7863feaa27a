// Checks xAPI statements (a JSON array file) with Learning Locker's xapi-validation.
const validate = require('xapi-validation').default;
const stmts = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let bad = 0;
for (const s of stmts) {
  const warnings = validate(s);
  if (warnings.length) { bad++; console.log(JSON.stringify(warnings).slice(0, 800)); }
}
console.log(`${stmts.length - bad}/${stmts.length} valid`);
process.exit(bad ? 1 : 0);
