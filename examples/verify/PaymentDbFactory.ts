// Planted runtime fault: a NOT NULL key behind an optional relation. The schema says `user User?`,
// but the database (database.sql, as a migration written by hand would) made `payment.userId`
// NOT NULL: createMinimal(), which leaves the optional relation out, is rejected.
import type { Payment, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import { generatePublicId } from "../src/fixtures/db/ids.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class PaymentDbFactory extends EnhancedDatabaseFactory<Payment, Prisma.PaymentCreateInput, Prisma.PaymentInclude, Prisma.PaymentUpdateInput> {
    constructor(prisma: PrismaClient) {
        super("Payment", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.payment;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.PaymentCreateInput>): Prisma.PaymentCreateInput { // verify: createMinimal
        return { id: this.generateId(), amount: "10.00", currency: "USD", description: "Credits", ...overrides };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.PaymentCreateInput>): Prisma.PaymentCreateInput {
        return {
            ...this.generateMinimalData(),
            status: "Paid",
            paidAt: new Date(),
            user: { create: { id: this.generateId(), publicId: generatePublicId(), name: "Payer" } },
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.PaymentCreateInput, Prisma.PaymentUpdateInput> {
        return {
            minimal: this.generateMinimalData(), // verify: fixtures
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { currency: "USD" },
                invalidTypes: { amount: "ten", status: "Refunded" },
            },
            edgeCases: {},
        };
    }
}
