import { describe, expect, it } from 'vitest';
import {
  articleFor,
  findProvisionTemplate,
  latestProvisionTemplates,
  PROVISION_TEMPLATES,
} from './catalogue.js';
import { PROVISION_DUTIES } from './special-provisions.js';

describe('special provisions (特記事項) catalogue', () => {
  it('holds seed 001 別紙7 and seed 003 乙・丙 word for word, without the source font substitutes', () => {
    const annex7 = findProvisionTemplate('toshima-annex7')!;
    expect(annex7.articles.map((a) => a.label)).toEqual(Array.from({ length: 19 }, (_, i) => `第${i + 1}条`));
    expect(annex7.articles[7]!.paragraphs[0]).toBe(
      '乙は、取り扱う個人情報を複写又は複製してはならない。ただし、受託業務の処理上必要であると認められる場合において、甲の承認を受けたときは、この限りでない。',
    );
    const all = PROVISION_TEMPLATES.flatMap((t) => t.articles.flatMap((a) => a.paragraphs)).join('');
    expect(all).not.toMatch(/[❦✎]/);
    const otsu = findProvisionTemplate('shinjuku-contractor')!;
    const hei = findProvisionTemplate('shinjuku-subcontractor')!;
    expect(otsu.articles).toHaveLength(24);
    expect(hei.articles).toHaveLength(24);
    expect(hei.articles[10]!.paragraphs[0]).toBe(
      '丙は、業務を行うに当たって、個人情報を取り扱う業務を一切第三者に委託してはならない。',
    );
    expect(otsu.flowDownId).toBe(hei.id);
    expect(hei.forbidsSubcontracting).toBe(true);
  });

  it('points every duty at an article the template really has', () => {
    for (const template of PROVISION_TEMPLATES) {
      const labels = new Set(template.articles.map((a) => a.label));
      for (const [duty, article] of Object.entries(template.duties)) {
        expect(PROVISION_DUTIES).toContain(duty);
        // 「第7条第2項」 names paragraph 2 of 第7条: the article must exist with that many paragraphs.
        const [, head, para] = article.match(/^(第\d+[条項])(?:第(\d+)項)?$/) ?? [];
        expect(labels.has(head!), `${template.id} ${duty} → ${article}`).toBe(true);
        if (para) {
          const paragraphs = template.articles.find((a) => a.label === head)!.paragraphs;
          const numbered = paragraphs.filter((p, i) => i === 0 || /^\d+ /.test(p));
          expect(numbered.length, `${template.id} ${article}`).toBeGreaterThanOrEqual(Number(para));
        }
      }
      expect(findProvisionTemplate(template.flowDownId), template.id).toBeDefined();
    }
  });

  it('holds seed 004 5(1)～(4) with the copying of 届書等 and the devices cited', () => {
    const nankoku = findProvisionTemplate('nankoku-my-number-card')!;
    expect(nankoku.articles.map((a) => a.label)).toEqual(['第1項', '第2項', '第3項', '第4項']);
    expect(nankoku.articles[1]!.paragraphs[1]).toBe(
      '② 受託事業者は、業務仕様書等に定める場合を除き、届書等の全部又は一部の複写複製等を行ってはならない。また、複写複製等を防止するため必要な措置を講じること。',
    );
    expect(articleFor(nankoku, 'copying')).toBe('第2項');
    expect(articleFor(nankoku, 'devices')).toBe('第3項');
    expect(articleFor(nankoku, 'secrecy')).toBe('第1項');
  });

  it('names the article behind the duties the product enforces', () => {
    expect(articleFor(findProvisionTemplate('toshima-annex7'), 'copying')).toBe('第8条');
    expect(articleFor(findProvisionTemplate('shinjuku-contractor'), 'storage')).toBe('第8項');
    expect(articleFor(findProvisionTemplate('shinjuku-subcontractor'), 'subcontracting')).toBe('第11項');
    expect(articleFor(findProvisionTemplate('shinjuku-subcontractor'), 'termination')).toBeUndefined();
    expect(latestProvisionTemplates().map((t) => t.id)).toEqual([
      'toshima-annex7',
      'shinjuku-contractor',
      'shinjuku-subcontractor',
      'nankoku-my-number-card',
    ]);
  });
});
