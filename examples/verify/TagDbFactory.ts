// Planted runtime fault: a unique value reused. `tag` is `@unique`, and createComplete() writes the
// same literal every time: the first call inserts, the second collides.
import type { Prisma, PrismaClient, tag } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput, Prisma.tagInclude, Prisma.tagUpdateInput> {
    constructor(prisma: PrismaClient) {
        super("tag", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.tag;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.tagCreateInput>): Prisma.tagCreateInput {
        return { id: this.generateId(), tag: `tag_${this.generateId()}`, ...overrides };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.tagCreateInput>): Prisma.tagCreateInput {
        return {
            ...this.generateMinimalData(),
            tag: "planted-duplicate", // verify: createComplete
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.tagCreateInput, Prisma.tagUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { id: this.generateId() },
                invalidTypes: { id: this.generateId(), tag: 42 },
            },
            edgeCases: {
                longestTag: { id: this.generateId(), tag: "t".repeat(128) },
            },
        };
    }
}
