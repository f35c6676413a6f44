import type { credit_account, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

// Drift: the type names were written in PascalCase, but Prisma keeps the model name verbatim
// (`credit_accountCreateInput`); and the delegate was guessed in camelCase.
export class CreditAccountDbFactory extends EnhancedDatabaseFactory<
    credit_account,
    Prisma.CreditAccountCreateInput, // expect: unknown-prisma-type
    Prisma.credit_accountInclude,
    Prisma.CreditAccountUpdateInput // expect: unknown-prisma-type
> {
    constructor(prisma: PrismaClient) {
        super("credit_account", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.creditAccount; // expect: unknown-delegate
    }

    protected generateMinimalData(overrides?: Partial<Prisma.CreditAccountCreateInput>): Prisma.CreditAccountCreateInput { // expect: unknown-prisma-type, unknown-prisma-type
        return {
            id: this.generateId(),
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.credit_accountCreateInput>): Prisma.credit_accountCreateInput {
        return {
            ...this.generateMinimalData(),
            currentBalance: 250_000,
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.credit_accountCreateInput, Prisma.credit_accountUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: {},
                invalidTypes: { currentBalance: "lots" },
                asMinimal: { ...this.generateMinimalData() }, // expect: invalid-fixture-accepted
            },
            edgeCases: {
                emptyAccount: { id: this.generateId(), currentBalance: 0 },
            },
        };
    }
}
