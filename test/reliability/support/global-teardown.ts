import { figuresReport } from './figures';

export default async function globalTeardown(): Promise<void> {
  const report = figuresReport();
  if (report) process.stdout.write(`\nreliability figures:\n${report}\n`);
}
