/**
 * Proof that lib/access decided the current viewer may read Pro material. Only lib/access creates
 * one; the Pro loader demands it, so reading Pro files without asking fails to compile.
 */
declare const proGrantBrand: unique symbol;
export interface ProGrant {
  readonly [proGrantBrand]: true;
  readonly userId: string;
  readonly decidedAt: Date;
}

export function _mintGrant(userId: string, decidedAt: Date): ProGrant {
  return { userId, decidedAt } as ProGrant;
}
