import type { credit_account, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

// Drift: an edge case writes the owner's foreign key on the relation-style input, and the factory's
// own checks read that key back. Rewritten to `user: { connect: … }`, `validateSpecific` would no
// longer find an owner: the rewrite stays a suggestion.
export class CreditAccountOwnerDbFactory extends EnhancedDatabaseFactory<
    credit_account,
    Prisma.credit_accountCreateInput,
    Prisma.credit_accountInclude,
    Prisma.credit_accountUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("credit_account", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.credit_account;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.credit_accountCreateInput>): Prisma.credit_accountCreateInput {
        return { id: this.generateId(), ...overrides };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.credit_accountCreateInput>): Prisma.credit_accountCreateInput {
        return { ...this.generateMinimalData(), currentBalance: 100, ...overrides };
    }

    protected getFixtures(): DbTestFixtures<Prisma.credit_accountCreateInput, Prisma.credit_accountUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { currentBalance: 5 },
                invalidTypes: { id: this.generateId(), currentBalance: "minus one" },
            },
            edgeCases: {
                owned: { id: this.generateId(), userId: this.generateId() }, /* fix: suggestion */ // expect: unknown-field
            },
        };
    }

    /** Whether a fixture names an owner, as the account rules require. */
    protected validateSpecific(data: { userId?: bigint | null; teamId?: bigint | null }): string[] {
        return data.userId || data.teamId ? [] : ["a credit account has a user or a team"];
    }
}
