/**
 * `npm run -s detectors:table -w @data-scanner/detect`: prints the detector catalogue as the
 * Markdown table the README carries (id, name, category, severity, validator, example shape).
 */
import { detectors, detectorTable } from '../src/index.ts';

process.stdout.write(detectorTable(detectors));
