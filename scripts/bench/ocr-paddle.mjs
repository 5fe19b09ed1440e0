// Reads every Nth receipt of a converted SROIE split with PaddleOCR's PP-OCRv4 models on ONNX Runtime,
// writing one text file per case (lines top to bottom) for scripts/bench/ocr_oracle.py to score.
// A measuring tool, not part of the product. Set up outside the repository:
//   mkdir DIR && cd DIR && npm install --ignore-scripts @gutenye/ocr-node@1.4.8 onnxruntime-node@1.17.3
// (--ignore-scripts: onnxruntime-node's install script fetches CUDA libraries from outside npm)
//   NODE_PATH=DIR/node_modules node scripts/bench/ocr-paddle.mjs CORPUS OUT/paddle [STRIDE]
import { createRequire } from 'module'
import fs from 'fs'
import path from 'path'

const require = createRequire(path.join(process.env.NODE_PATH || '.', 'x.js'))
const Ocr = (await import(require.resolve('@gutenye/ocr-node'))).default
const [corpus, out, stride = '14'] = process.argv.slice(2)
fs.mkdirSync(out, { recursive: true })
const ocr = await Ocr.create()
const cases = fs.readdirSync(corpus).filter((c) => fs.existsSync(`${corpus}/${c}/expected.json`)).sort()
let spent = 0
for (const c of cases.filter((_, i) => i % Number(stride) === 0)) {
  const started = Date.now()
  const lines = await ocr.detect(`${corpus}/${c}/receipt.jpg`)
  spent += Date.now() - started
  lines.sort((a, b) => a.box[0][1] - b.box[0][1])
  fs.writeFileSync(`${out}/${c}.txt`, lines.map((l) => l.text).join('\n') + '\n')
}
console.log(`read ${Math.ceil(cases.length / Number(stride))} receipts in ${(spent / 1000).toFixed(0)} s`)
