// Planted runtime faults: an `invalid` fixture that inserts (`missingRequired` lacks nothing: the
// error-path test that uses it passes without ever reaching the error path), and a relationship
// helper whose child does not point at the parent it was given.
import type { Prisma, PrismaClient, tag_translation } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class TagTranslationDbFactory extends EnhancedDatabaseFactory<
    tag_translation,
    Prisma.tag_translationCreateInput,
    Prisma.tag_translationInclude,
    Prisma.tag_translationUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("tag_translation", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.tag_translation;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.tag_translationCreateInput>): Prisma.tag_translationCreateInput {
        return {
            id: this.generateId(),
            language: "en",
            tag: { create: { id: this.generateId(), tag: `translated_${this.generateId()}` } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.tag_translationCreateInput>): Prisma.tag_translationCreateInput {
        return { ...this.generateMinimalData(), description: "A tag, described", ...overrides };
    }

    /** A translation of the given tag; but it creates a tag of its own instead. */
    async createForTag(tagId: bigint): Promise<tag_translation> { // verify: relations
        void tagId;
        return this.createMinimal();
    }

    protected getFixtures(): DbTestFixtures<Prisma.tag_translationCreateInput, Prisma.tag_translationUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { // verify: invalid
                    id: this.generateId(),
                    language: "de",
                    tag: { create: { id: this.generateId(), tag: `untranslated_${this.generateId()}` } },
                },
                invalidTypes: { language: ["en"] },
            },
            edgeCases: {},
        };
    }
}
