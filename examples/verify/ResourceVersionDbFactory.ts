// Planted runtime fault: a value too long for its column. `versionLabel` is `@db.VarChar(16)`;
// the label createComplete() writes has 23 characters. PostgreSQL's message names no column.
import type { Prisma, PrismaClient, resource_version } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import { generatePublicId } from "../src/fixtures/db/ids.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class ResourceVersionDbFactory extends EnhancedDatabaseFactory<
    resource_version,
    Prisma.resource_versionCreateInput,
    Prisma.resource_versionInclude,
    Prisma.resource_versionUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("resource_version", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.resource_version;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.resource_versionCreateInput>): Prisma.resource_versionCreateInput {
        return {
            id: this.generateId(),
            versionLabel: "1.0.0",
            root: { create: { id: this.generateId(), publicId: generatePublicId() } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.resource_versionCreateInput>): Prisma.resource_versionCreateInput {
        return {
            ...this.generateMinimalData(),
            versionLabel: "1.0.0-release-candidate", // verify: createComplete
            isComplete: true,
            keywords: ["stable"],
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.resource_versionCreateInput, Prisma.resource_versionUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(), // verify: fixtures
            invalid: {
                missingRequired: { versionLabel: "2.0.0" },
                invalidTypes: { versionLabel: 2, isComplete: "yes" },
            },
            edgeCases: {},
        };
    }
}
