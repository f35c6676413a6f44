import type { email, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

// Drift: the base class gained `generateCompleteData`; this factory was never updated.
export class EmailDbFactory extends EnhancedDatabaseFactory< // expect: missing-abstract-method
    email,
    Prisma.emailCreateInput,
    Prisma.emailInclude,
    Prisma.emailUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("email", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.email;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.emailCreateInput>): Prisma.emailCreateInput {
        return {
            id: this.generateId(),
            emailAddress: `user_${this.generateId()}@example.com`,
            user: { connect: { id: this.generateId() } },
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.emailCreateInput, Prisma.emailUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateMinimalData({ verifiedAt: new Date() }),
            invalid: {
                missingRequired: { emailAddress: "nobody@example.com" },
                invalidTypes: { verifiedAt: 12 },
            },
            edgeCases: {},
        };
    }
}
