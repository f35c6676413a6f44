import type { Prisma, PrismaClient, resource_version } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
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
            root: { connect: { id: this.generateId() } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.resource_versionCreateInput>): Prisma.resource_versionCreateInput {
        return {
            ...this.generateMinimalData(),
            versionIndex: "3", // expect: field-type-mismatch
            complexity: 5n, // expect: field-type-mismatch, bigint-literal-target
            isComplete: "true", // expect: field-type-mismatch
            keywords: "routine", // expect: field-type-mismatch
            config: { steps: [] },
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.resource_versionCreateInput, Prisma.resource_versionUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { versionLabel: "0.1.0" },
                invalidTypes: { versionIndex: "first" },
            },
            edgeCases: {
                // Drift: the version's owner is the required relation `root`, no longer `resource`.
                detached: { id: this.generateId(), versionLabel: "0.0.1", resource: { connect: { id: this.generateId() } } }, // expect: unknown-field, missing-required-field
            },
            updates: {
                minimal: { isComplete: true },
                complete: { versionLabel: "2.0.0", complexity: 9 },
            },
        };
    }
}
