import { inTransaction, type UseCaseContext } from '../shared/context.js';

/** Revokes the caller's session: its access and refresh tokens stop working at once. */
export async function signOut(ctx: Omit<UseCaseContext, 'ability'>, sessionId: string): Promise<void> {
  await inTransaction(ctx, async ({ tx, audit }) => {
    const result = await tx
      .updateTable('sessions')
      .set({ revoked_at: ctx.now() })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) {
      await audit({
        wardId: ctx.actor.wardId,
        action: 'auth.sign_out',
        subjectType: 'Session',
        subjectId: sessionId,
      });
    }
  });
}
