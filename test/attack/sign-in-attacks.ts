import type { AttackClient } from './attack-client.js';
import { clientOf } from './attack-world.js';

// Guessing passwords against the started server: 40 wrong passwords sent at once for one address
// from one client (at most five may reach the password check), the owner still signing in from
// their own client, and one client rotating the left-most X-Forwarded-For value (which it writes
// itself) across addresses — the per-client limit must still apply.

export async function signInAttacks(
  http: AttackClient,
  input: { email: string; password: string },
): Promise<void> {
  const guess = (email: string, password: string, forwardedFor: string) =>
    http.send('POST', '/api/v1/auth/sign-in', {
      json: { email, password },
      headers: { 'x-forwarded-for': forwardedFor },
      op: 'POST /api/v1/auth/sign-in',
    });

  const burst = await Promise.all(
    Array.from({ length: 40 }, (_, i) => guess(input.email, `wrong password ${i}`, '198.51.100.1')),
  );
  const wrong = burst.filter((a) => a.status === 401).length;
  const throttled = burst.filter((a) => a.status === 429).length;
  if (wrong > 5 || wrong + throttled !== 40) {
    http.figures.failures.push(
      `40 concurrent wrong passwords: ${wrong} × 401, ${throttled} × 429 (at most 5 × 401 allowed)`,
    );
  }
  const owner = await guess(input.email, input.password, clientOf(input.email));
  if (owner.status !== 200) http.figures.failures.push(`the owner was locked out: ${owner.status}`);

  const statuses: number[] = [];
  for (let i = 0; i < 56; i++) {
    const res = await guess(`nobody${i}@example.jp`, 'x', `10.${i}.${i}.1, 198.51.100.2`);
    statuses.push(res.status);
  }
  if (!statuses.includes(429)) {
    http.figures.failures.push('rotating the left-most X-Forwarded-For escaped the per-client limit');
  }
}
