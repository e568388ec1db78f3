// Touch-ups to the chart parts pptxgenjs writes, for what its options cannot say: per-series
// data labels (hidden on the invisible base of a waterfall or funnel, signed formats on its
// up and down steps) and the chart's language. Pure string transforms over one chart's XML.

export interface SeriesFixup {
  /** No data labels on this series (the invisible base of a waterfall or funnel). */
  hideLabels?: boolean;
  /** Excel number format for this series' labels, e.g. '+#,##0.0;-#,##0.0'. */
  labelFormat?: string;
  /** Label text colour (hex) for this series. */
  labelColor?: string;
  /** Label position for this series (ctr, inEnd, outEnd, t, r …). */
  labelPosition?: string;
}

export interface ChartFixup {
  /** By series index (`<c:idx val>`), as added. */
  series: Record<number, SeriesFixup>;
}

/** Applies `fixup` to one chart part and marks the chart with the deck's language. */
export function fixChartXml(xml: string, fixup: ChartFixup | undefined, lang: string): string {
  let out = xml;
  if (fixup) {
    out = out.replace(/<c:ser>([\s\S]*?)<\/c:ser>/g, (whole, body: string) => {
      const idx = Number(/<c:idx val="(\d+)"\/>/.exec(body)?.[1] ?? -1);
      const f = fixup.series[idx];
      if (!f) return whole;
      return `<c:ser>${fixSeries(body, f)}</c:ser>`;
    });
  }
  if (!/<c:lang\b/.test(out)) {
    const tag = lang === 'en' ? 'en-US' : lang;
    out = out.replace(/(<c:date1904\b[^>]*\/>)/, `$1<c:lang val="${tag}"/>`);
  }
  return out;
}

function fixSeries(body: string, f: SeriesFixup): string {
  return body.replace(/<c:dLbls>([\s\S]*?)<\/c:dLbls>/, (whole, labels: string) => {
    if (f.hideLabels) return '<c:dLbls><c:delete val="1"/></c:dLbls>';
    let l = labels;
    if (f.labelFormat) l = l.replace(/<c:numFmt formatCode="[^"]*"/, `<c:numFmt formatCode="${escapeAttr(f.labelFormat)}"`);
    if (f.labelColor) l = l.replace(/(<a:defRPr\b[^>]*>\s*<a:solidFill>\s*<a:srgbClr val=")[0-9A-Fa-f]{6}(")/, `$1${f.labelColor}$2`);
    if (f.labelPosition) {
      if (/<c:dLblPos val="[^"]*"\/>/.test(l)) l = l.replace(/<c:dLblPos val="[^"]*"\/>/, `<c:dLblPos val="${f.labelPosition}"/>`);
      else l = l.replace(/<c:showLegendKey\b/, `<c:dLblPos val="${f.labelPosition}"/><c:showLegendKey`);
    }
    return whole === labels ? l : `<c:dLbls>${l}</c:dLbls>`;
  });
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
