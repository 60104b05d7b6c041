import { readFile } from 'node:fs/promises';
import type { DailyJobsResult } from '../jobs/daily-jobs.js';

// The command line tools that change data go through the running server when it holds the PGlite
// directory (or when SERVER_URL / --server names one): they call its routes with a system
// administrator's access token, as any API client does.

export class ServerRefusedError extends Error {}

/** The access token: API_TOKEN, or the first line of --token-file (never the command line itself). */
export async function readAccessToken(tokenFile: string | undefined): Promise<string | undefined> {
  if (tokenFile) return (await readFile(tokenFile, 'utf8')).split(/\r?\n/)[0]?.trim() || undefined;
  return process.env.API_TOKEN?.trim() || undefined;
}

/** POST /api/v1/scheduled-jobs/run on the server at `url`. */
export async function runJobsThroughServer(
  url: string,
  token: string,
  period: string | undefined,
): Promise<DailyJobsResult & { ranAt: string }> {
  const target = new URL('/api/v1/scheduled-jobs/run', url);
  let answer: Response;
  try {
    answer = await fetch(target, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(period ? { period } : {}),
    });
  } catch (error) {
    throw new ServerRefusedError(
      `サーバー ${url} に接続できません / Cannot reach the server at ${url}: ${(error as Error).message}`,
    );
  }
  const body = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
  if (!answer.ok) {
    throw new ServerRefusedError(
      `サーバーが拒否しました（${answer.status}）: ${body.detail_ja ?? body.title_ja ?? ''}\n` +
        `The server refused (${answer.status}): ${body.detail ?? body.title ?? ''}`,
    );
  }
  return body as unknown as DailyJobsResult & { ranAt: string };
}
