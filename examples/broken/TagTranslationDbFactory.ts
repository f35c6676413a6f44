import type { Prisma, PrismaClient, tag_translation } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

// Drift: copied from the tag factory. Both leftovers type-check (the delegate is returned as `any`,
// and the update type is used consistently), so only a schema-aware check sees them.
export class TagTranslationDbFactory extends EnhancedDatabaseFactory<
    tag_translation,
    Prisma.tag_translationCreateInput,
    Prisma.tag_translationInclude,
    Prisma.tagUpdateInput // expect: type-model-mismatch
> {
    constructor(prisma: PrismaClient) {
        super("tag_translation", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.tag; // expect: delegate-mismatch
    }

    protected generateMinimalData(overrides?: Partial<Prisma.tag_translationCreateInput>): Prisma.tag_translationCreateInput {
        return {
            id: this.generateId(),
            language: "en",
            tag: { connect: { tag: "translated" } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.tag_translationCreateInput>): Prisma.tag_translationCreateInput {
        return {
            ...this.generateMinimalData(),
            description: "Complete",
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.tag_translationCreateInput, Prisma.tagUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { language: "en" },
                invalidTypes: { language: 7 },
            },
            edgeCases: {
                withoutDescription: { id: this.generateId(), language: "pt", tag: { connect: { id: this.generateId() } } },
            },
        };
    }
}
