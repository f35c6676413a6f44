// Planted runtime fault: a `connect` to a row that does not exist. createComplete() connects its
// user by a freshly generated id, which no row has. (Its fixtures may refer to existing rows:
// verify creates those first, as a test would, so `complete` as a fixture inserts.)
import type { email, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import { generatePublicId } from "../src/fixtures/db/ids.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class EmailDbFactory extends EnhancedDatabaseFactory<email, Prisma.emailCreateInput, Prisma.emailInclude, Prisma.emailUpdateInput> {
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
            user: { create: { id: this.generateId(), publicId: generatePublicId(), name: "Email Owner" } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.emailCreateInput>): Prisma.emailCreateInput {
        return {
            ...this.generateMinimalData(),
            verifiedAt: new Date("2024-01-01T00:00:00Z"),
            user: { connect: { id: this.generateId() } }, // verify: createComplete
            ...overrides,
        };
    }

    /** A relationship helper: an email of an existing user (verify makes the user first). */
    async createForUser(userId: bigint): Promise<email> {
        return this.createMinimal({ user: { connect: { id: userId } } });
    }

    protected getFixtures(): DbTestFixtures<Prisma.emailCreateInput, Prisma.emailUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { emailAddress: "orphan@example.com" },
                invalidTypes: { emailAddress: 42, verifiedAt: "yesterday" },
            },
            edgeCases: {
                ownerByPublicId: {
                    id: this.generateId(),
                    emailAddress: `by_public_id_${this.generateId()}@example.com`,
                    user: { connect: { publicId: "owner0000001" } },
                },
            },
        };
    }
}
