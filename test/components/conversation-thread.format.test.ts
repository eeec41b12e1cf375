import { expect } from '@open-wc/testing';
import {
  parseInline,
  parseWhatsApp,
  plainText,
  safeHttpUrl,
  whatsAppFormatWork,
  type WhatsAppInline,
} from '../../src/components/conversation-thread/whatsapp-format.js';

/** A compact notation of an inline tree: `*b*`, `_i_`, `~s~`, `{mono}`, `[code]`, `<link|href>`. */
function show(nodes: WhatsAppInline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.text;
        case 'bold':
          return `B(${show(n.children)})`;
        case 'italic':
          return `I(${show(n.children)})`;
        case 'strike':
          return `S(${show(n.children)})`;
        case 'mono':
          return `M(${n.text})`;
        case 'code':
          return `C(${n.text})`;
        case 'link':
          return `L(${n.text}|${n.href})`;
      }
    })
    .join('');
}

const inline = (s: string) => show(parseInline(s));

describe('WhatsApp formatting parser', () => {
  describe('inline styles', () => {
    it('parses bold, italic, strikethrough, monospace and inline code', () => {
      expect(inline('*bold* _italic_ ~strike~ ```mono``` `code`')).to.equal(
        'B(bold) I(italic) S(strike) M(mono) C(code)',
      );
    });

    it('nests different markers', () => {
      expect(inline('*_bold italic_*')).to.equal('B(I(bold italic))');
      expect(inline('_a *b* c_')).to.equal('I(a B(b) c)');
      expect(inline('~*x*~')).to.equal('S(B(x))');
    });

    it('leaves unclosed and empty markers as text', () => {
      expect(inline('*not closed')).to.equal('*not closed');
      expect(inline('** and __')).to.equal('** and __');
      expect(inline('``` open fence')).to.equal('``` open fence');
      expect(inline('a ` b')).to.equal('a ` b');
    });

    it('needs a non-space after the opening and before the closing marker', () => {
      expect(inline('* not bold*')).to.equal('* not bold*');
      expect(inline('*not bold *')).to.equal('*not bold *');
    });

    it('ignores markers inside words', () => {
      expect(inline('snake_case_name and 2*3*4')).to.equal('snake_case_name and 2*3*4');
    });

    it('does not span line breaks', () => {
      expect(inline('*one\ntwo*')).to.equal('*one\ntwo*');
    });

    it('keeps markers inside monospace and code literal', () => {
      expect(inline('```*not bold*```')).to.equal('M(*not bold*)');
      expect(inline('`_x_`')).to.equal('C(_x_)');
    });

    it('allows monospace across lines', () => {
      expect(inline('```line 1\nline 2```')).to.equal('M(line 1\nline 2)');
    });

    it('handles crossing markers without losing text', () => {
      const s = '_*x_* and *_y*_';
      const tree = parseInline(s);
      expect(plainText(s).replace(/[*_]/g, '')).to.equal('x and y');
      expect(tree.length).to.be.greaterThan(0);
    });
  });

  describe('links', () => {
    it('links http and https URLs, trimming trailing punctuation', () => {
      expect(inline('see https://example.com/a?b=1.')).to.equal(
        'see L(https://example.com/a?b=1|https://example.com/a?b=1).',
      );
      expect(inline('(http://example.com/x)')).to.equal('(L(http://example.com/x|http://example.com/x))');
    });

    it('keeps balanced parentheses inside a URL', () => {
      expect(inline('https://en.wikipedia.org/wiki/Lit_(software)')).to.equal(
        'L(https://en.wikipedia.org/wiki/Lit_(software)|https://en.wikipedia.org/wiki/Lit_(software))',
      );
    });

    it('does not let markers inside a URL close a span', () => {
      expect(inline('_see https://x.com/a_/b now_')).to.equal('I(see L(https://x.com/a_/b|https://x.com/a_/b) now)');
    });

    it('links inside formatting', () => {
      expect(inline('*https://example.com*')).to.equal('B(L(https://example.com|https://example.com/))');
    });

    it('never links other schemes', () => {
      for (const s of [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(document.cookie)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox',
        'file:///etc/passwd',
        '//evil.example.com',
        'https:/evil',
        'xhttps://evil.example.com',
      ]) {
        const tree = parseInline(s);
        expect(
          tree.some((n) => n.type === 'link'),
          s,
        ).to.equal(false);
      }
    });

    it('treats angle brackets and quotes as the end of a URL', () => {
      const tree = parseInline('https://evil.example.com/"onmouseover="alert(1)<script>');
      const link = tree.find((n) => n.type === 'link') as { href: string } | undefined;
      expect(link?.href).to.equal('https://evil.example.com/');
    });

    it('validates hrefs', () => {
      expect(safeHttpUrl('https://example.com')).to.equal('https://example.com/');
      expect(safeHttpUrl('javascript:alert(1)')).to.equal(undefined);
      expect(safeHttpUrl('http://')).to.equal(undefined);
    });
  });

  describe('blocks', () => {
    it('keeps plain text as one paragraph with its line breaks', () => {
      const blocks = parseWhatsApp('one\n\ntwo');
      expect(blocks).to.have.length(1);
      expect(blocks[0].type).to.equal('paragraph');
      expect(show((blocks[0] as { children: WhatsAppInline[] }).children)).to.equal('one\n\ntwo');
    });

    it('parses quotes, bullet lists and numbered lists', () => {
      const blocks = parseWhatsApp('Intro\n> quoted *text*\n- one\n* two\n3. three\n4. four\nEnd');
      expect(blocks.map((b) => b.type)).to.deep.equal(['paragraph', 'quote', 'list', 'list', 'paragraph']);
      const quote = blocks[1] as { children: WhatsAppInline[] };
      expect(show(quote.children)).to.equal('quoted B(text)');
      const bullets = blocks[2] as { ordered: boolean; items: WhatsAppInline[][] };
      expect(bullets.ordered).to.equal(false);
      expect(bullets.items.map(show)).to.deep.equal(['one', 'two']);
      const numbered = blocks[3] as { ordered: boolean; start: number; items: WhatsAppInline[][] };
      expect(numbered.ordered).to.equal(true);
      expect(numbered.start).to.equal(3);
      expect(numbered.items.map(show)).to.deep.equal(['three', 'four']);
    });

    it('does not take *bold* at the start of a line for a bullet', () => {
      const blocks = parseWhatsApp('*bold* start');
      expect(blocks[0].type).to.equal('paragraph');
    });

    it('needs a space after > and list markers', () => {
      expect(parseWhatsApp('>not a quote\n-not a list\n1.not a list').map((b) => b.type)).to.deep.equal(['paragraph']);
    });

    it('does not parse blocks inside a monospace run that spans lines', () => {
      const blocks = parseWhatsApp('```\n- not a list\n> not a quote\n```');
      expect(blocks).to.have.length(1);
      expect(show((blocks[0] as { children: WhatsAppInline[] }).children)).to.equal(
        'M(\n- not a list\n> not a quote\n)',
      );
    });

    it('returns nothing for empty text', () => {
      expect(parseWhatsApp('')).to.deep.equal([]);
    });
  });

  describe('hostile input', () => {
    it('keeps HTML as text', () => {
      const s = '<script>alert(1)</script><img src=x onerror=alert(1)>';
      expect(inline(s)).to.equal(s);
    });

    it('survives long runs of markers', () => {
      const s = '*a '.repeat(3000) + '_'.repeat(5000) + '```'.repeat(501) + '~'.repeat(2000);
      const text = plainText(s);
      expect(text.length).to.be.greaterThan(0);
    });

    it('skips a one-line monospace run inside a span, and only a one-line one', () => {
      expect(inline('*a ```b*c``` d*')).to.equal('B(a M(b*c) d)');
      expect(inline('*a ```b\nc``` d*')).to.equal('*a M(b\nc) d*');
      expect(inline('_x_ _y')).to.equal('I(x) _y');
    });

    it('trims closing brackets a URL did not open, however many follow it', () => {
      expect(inline('see (https://x.com/a_(b)))')).to.equal('see (L(https://x.com/a_(b)|https://x.com/a_(b))))');
      expect(inline('((https://x.com/a)b))).')).to.equal('((L(https://x.com/a)b|https://x.com/a)b)))).');
      const parens = ')'.repeat(3000);
      expect(inline(`x https://a.b/${parens} y`)).to.equal(`x L(https://a.b/|https://a.b/)${parens} y`);
    });

    it('does work linear in the length of 100 kB of unclosed and closed markers', () => {
      const inputs = [
        '*a '.repeat(33_334),
        '_a '.repeat(33_334),
        '~a '.repeat(33_334),
        '```a '.repeat(20_000),
        ['*a ', '_a ', '~a ', '```a '].join('').repeat(7_143),
        ['*a ', '_a* ', '~a_ ', '```a ', '*a~ '].join('').repeat(5_000),
        '*_~'.repeat(16_667) + 'a' + '~_*'.repeat(16_667),
        '```\n' + 'a *b _c\n'.repeat(11_111),
        'http://[*a '.repeat(9_091),
        ('https://x.y/' + ')'.repeat(2040) + ' *a ').repeat(48),
      ];
      for (const s of inputs) {
        const label = `${JSON.stringify(s.slice(0, 24))}… (${s.length} chars)`;
        whatsAppFormatWork.steps = 0;
        const text = plainText(s);
        // a scan per opening marker takes about length² / 6 steps (1.6 billion here)
        expect(whatsAppFormatWork.steps, label)
          .to.be.above(0)
          .and.below(30 * s.length);
        expect(text.replace(/[\s*_~`•]/g, '').length, label).to.be.above(0);
      }
    });

    it('still formats closed spans in a 100 kB mix of markers', () => {
      const unit = '*a* _b_ ~c~ ```d``` x_y 2*3 ';
      const s = unit.repeat(Math.ceil(100_000 / unit.length));
      whatsAppFormatWork.steps = 0;
      const [block] = parseWhatsApp(s);
      expect(whatsAppFormatWork.steps).to.be.below(30 * s.length);
      const children = (block as { children: WhatsAppInline[] }).children;
      const count = (type: WhatsAppInline['type']) => children.filter((n) => n.type === type).length;
      const units = s.length / unit.length;
      expect(count('bold')).to.equal(units);
      expect(count('italic')).to.equal(units);
      expect(count('strike')).to.equal(units);
      expect(count('mono')).to.equal(units);
      expect(show(children.slice(0, 10))).to.equal('B(a) I(b) S(c) M(d) x_y 2*3 B(a) ');
    });

    it('loses no characters of unformatted text', () => {
      const s = 'a*b_c~d`e > f\n- \n1. \n``` ~ _ *';
      expect(plainText(s).replace(/\s/g, '')).to.equal(s.replace(/\s/g, ''));
    });
  });

  describe('plainText', () => {
    it('strips markers', () => {
      expect(plainText('*Size* _M_ please ~no~')).to.equal('Size M please no');
    });

    it('writes list items with their bullets or numbers', () => {
      expect(plainText('- a\n- b')).to.equal('• a\n• b');
      expect(plainText('2. a\n3. b')).to.equal('2. a\n3. b');
    });
  });
});
