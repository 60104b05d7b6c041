import type { Context } from 'hono';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { readRegister, readRegisterHistory } from '../../../domain/registers/read-register.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { TableWrap, TimeText } from '../components/common.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { RegisterTable } from './register-view.js';

/** 情報項目の変更履歴: every revision, and one of them shown as it stood (?revision=2). */
export async function registerHistoryPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  const revisions = await readRegisterHistory(ctx, contract.id);
  const wanted = revisions.find((r) => String(r.revision) === c.req.query('revision'));
  const shown = wanted ? await readRegister(ctx, contract.id, wanted.changedAt) : undefined;
  const t = p.t.register;
  return sendPage(
    c,
    <Layout p={p} title={t.historyTitle(contract.title)}>
      <p>
        <a href={`/contracts/${contract.id}`}>← {contract.title}</a>
      </p>
      <TableWrap p={p} label={t.history}>
        <table>
          <thead>
            <tr>
              <th scope="col">{p.t.common.version}</th>
              <th scope="col">{t.changedAt}</th>
              <th scope="col">{t.note}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <td>
                  <a
                    href={`/contracts/${contract.id}/register/revisions?revision=${r.revision}`}
                    aria-current={wanted?.revision === r.revision ? 'true' : undefined}
                  >
                    {t.revision(r.revision)}
                  </a>
                </td>
                <td>
                  <TimeText at={r.changedAt} />
                </td>
                <td>{r.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {shown && (
        <section aria-labelledby="revision">
          <h2 id="revision">{t.asOfTitle(shown.revision)}</h2>
          <RegisterTable p={p} doc={shown.document} caption={t.asOfTitle(shown.revision)} />
        </section>
      )}
    </Layout>,
  );
}
