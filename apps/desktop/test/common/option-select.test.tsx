import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OptionSelect } from '../../src/renderer/src/features/common/OptionSelect';

describe('OptionSelect', () => {
  it('lists every value under its label, the empty choice first, with the attributes given', () => {
    const html = renderToStaticMarkup(
      <OptionSelect<'a' | 'b' | ''>
        id="pick"
        aria-label="Issue"
        values={['a', 'b']}
        value="b"
        label={(value) => value.toUpperCase()}
        empty="None"
        onChange={() => undefined}
        data-testid="picker"
      />,
    );
    expect(html).toBe(
      '<select id="pick" aria-label="Issue" data-testid="picker"><option value="">None</option><option value="a">A</option><option value="b" selected="">B</option></select>',
    );
  });

  it('has no empty choice unless one is named', () => {
    const html = renderToStaticMarkup(<OptionSelect values={['x']} value="x" label={(value) => value} onChange={() => undefined} />);
    expect(html).toBe('<select><option value="x" selected="">x</option></select>');
  });
});
