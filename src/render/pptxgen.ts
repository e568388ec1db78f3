// pptxgenjs ships CommonJS-style typings beside an ES build: under NodeNext, TypeScript sees
// the default import as the module object (the class is its `.default`), while at run time
// the ES build's default export is the class itself. This module hides that mismatch.
import pptxgenModule from 'pptxgenjs';

export type Pptx = pptxgenModule.default;
export type TextProps = pptxgenModule.default.TextProps;
export type TextPropsOptions = pptxgenModule.default.TextPropsOptions;
export type ChartOptions = pptxgenModule.default.IChartOpts;
export type PptxSlide = ReturnType<Pptx['addSlide']>;

type PptxClass = new () => Pptx;
const moduleValue = pptxgenModule as unknown as { default?: PptxClass };
export const PptxGenJS: PptxClass = moduleValue.default ?? (pptxgenModule as unknown as PptxClass);
