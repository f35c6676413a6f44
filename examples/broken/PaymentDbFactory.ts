import type { Payment, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class PaymentDbFactory extends EnhancedDatabaseFactory<
    Payment,
    Prisma.PaymentCreateInput,
    Prisma.PaymentInclude,
    Prisma.PaymentUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("User", prisma); // expect: type-model-mismatch
    }

    protected getPrismaDelegate() {
        return this.prisma.payment;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.PaymentCreateInput>): Prisma.PaymentCreateInput {
        return {
            id: this.generateId(),
            amount: "19.99",
            currency: "USD",
            description: "Plan upgrade",
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.PaymentCreateInput>): Prisma.PaymentCreateInput {
        return {
            ...this.generateMinimalData(),
            status: "Refunded", // expect: invalid-enum-value
            paidAt: new Date(),
            // Drift: foreign keys written on the relation-style input.
            userId: this.generateId(), // expect: unknown-field
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.PaymentCreateInput, Prisma.PaymentUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { amount: 5 },
                invalidTypes: { amount: true },
            },
            edgeCases: {
                freeOfCharge: { ...this.generateMinimalData(), amount: false }, // expect: field-type-mismatch
                // Drift: `description` became required; `currency` is still there.
                legacy: { id: this.generateId(), amount: 1, currency: "EUR" }, // expect: missing-required-field
            },
        };
    }
}
