import type { Context } from 'hono';
import { PROVISION_DUTIES } from '../../../../forms/special-provisions/special-provisions.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import {
  acceptProvisions,
  chooseProvisions,
  getContractProvisions,
} from '../../../domain/provisions/manage-provisions.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { TableWrap } from '../components/common.js';
import { firstValue, readForm, versionOf } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { onContractPage } from './actions.js';

/** 特記事項の全文: the articles of the version the contract was made under, and the duties checked. */
export async function provisionsPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  const provisions = await getContractProvisions(ctx, contract.id);
  const { template } = provisions;
  const t = p.t.provisions;
  return sendPage(
    c,
    <Layout p={p} title={`${t.title}: ${contract.title}`}>
      <p>
        <a href={`/contracts/${contract.id}`}>{t.back}</a>
      </p>
      <p>
        {template.title}（{t.version(provisions.templateVersion)}・{t.party[template.party]}）
      </p>
      <p class="hint">
        {t.source}: {template.source}
      </p>
      <section aria-labelledby="articles" class="provisions-text">
        <h2 id="articles" class="sr-only">
          {t.title}
        </h2>
        {template.articles.map((article) => (
          <div class="article">
            {article.heading && <p class="article-heading">（{article.heading}）</p>}
            <p>
              <strong>{article.label}</strong> {article.paragraphs[0]}
            </p>
            {article.paragraphs.slice(1).map((paragraph) => (
              <p class={/^\(/.test(paragraph) ? 'article-item' : undefined}>{paragraph}</p>
            ))}
          </div>
        ))}
      </section>
      <section aria-labelledby="duties">
        <h2 id="duties">{t.duties}</h2>
        <TableWrap p={p} label={t.duties}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.title}</th>
                <th scope="col">{t.article}</th>
              </tr>
            </thead>
            <tbody>
              {PROVISION_DUTIES.filter((duty) => template.duties[duty]).map((duty) => (
                <tr>
                  <td>{t.duty[duty]}</td>
                  <td>{template.duties[duty]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </Layout>,
  );
}

/** 特記事項の受諾 by the bound company's manager. */
export async function acceptProvisionsAction(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  const values = await readForm(c);
  return onContractPage(c, async () => {
    await acceptProvisions(
      useCaseContext(c),
      id,
      firstValue(values.acceptedName).trim().slice(0, 100),
      versionOf(values) ?? 0,
    );
    return redirectWithNotice(c, `/contracts/${id}`, 'saved');
  });
}

/** 特記事項の選択 of a draft, by the privacy officer. */
export async function chooseProvisionsAction(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  const values = await readForm(c);
  return onContractPage(c, async () => {
    await chooseProvisions(useCaseContext(c), id, firstValue(values.templateId), versionOf(values) ?? 0);
    return redirectWithNotice(c, `/contracts/${id}`, 'saved');
  });
}
