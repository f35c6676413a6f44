import type { Prisma } from "@prisma/client";
import { generatePK } from "../src/fixtures/db/ids.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

const ownerId = generatePK();

// Drift: the owner's foreign key on the relation-style input, and the checks below read it back.
// Rewritten to `user: { connect: … }`, `validateSpecific` would no longer find it: a suggestion.
export const creditAccountFixtures: DbTestFixtures<Prisma.credit_accountCreateInput> = {
    minimal: { id: generatePK() },
    complete: { id: generatePK(), currentBalance: 100, userId: ownerId }, /* fix: suggestion */ // expect: unknown-field
    invalid: {
        missingRequired: { currentBalance: 5 },
        invalidTypes: { id: generatePK(), currentBalance: "minus one" },
    },
    edgeCases: {},
};

export class CreditAccountFixtureChecks {
    validateSpecific(data: { userId?: bigint | null; teamId?: bigint | null }): string[] {
        return data.userId || data.teamId ? [] : ["a credit account has a user or a team"];
    }
}
