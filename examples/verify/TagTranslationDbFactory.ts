// Planted runtime fault: an `invalid` fixture that inserts. `missingRequired` lacks nothing: the
// error-path test that uses it passes without ever reaching the error path.
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
