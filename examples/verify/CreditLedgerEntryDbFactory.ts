// Planted runtime fault: a check constraint added with raw SQL. database.sql adds
// `credit_ledger_entry_amount_positive CHECK (amount > 0)`, which the Prisma schema cannot express;
// createComplete() writes a refund as a negative amount.
import type { credit_ledger_entry, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class CreditLedgerEntryDbFactory extends EnhancedDatabaseFactory<
    credit_ledger_entry,
    Prisma.credit_ledger_entryCreateInput,
    Prisma.credit_ledger_entryInclude,
    Prisma.credit_ledger_entryUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("credit_ledger_entry", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.credit_ledger_entry;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.credit_ledger_entryCreateInput>): Prisma.credit_ledger_entryCreateInput {
        return {
            id: this.generateId(),
            idempotencyKey: `entry-${this.generateId()}`,
            amount: 100,
            kind: "Spend",
            account: { create: { id: this.generateId() } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.credit_ledger_entryCreateInput>): Prisma.credit_ledger_entryCreateInput {
        return {
            ...this.generateMinimalData(),
            kind: "Refund",
            amount: -500, // verify: createComplete
            details: { reason: "returned" },
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.credit_ledger_entryCreateInput, Prisma.credit_ledger_entryUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(), // verify: fixtures
            invalid: {
                missingRequired: { amount: 1 },
                invalidTypes: { amount: "a lot", kind: "Gift" },
            },
            edgeCases: {},
        };
    }
}
