import type { member, Prisma, PrismaClient } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

export class MemberDbFactory extends EnhancedDatabaseFactory<
    member,
    Prisma.memberCreateInput,
    Prisma.memberInclude,
    Prisma.memberUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("member", prisma);
    }

    protected getPrismaDelegate() {
        return this.prisma.member;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.memberCreateInput>): Prisma.memberCreateInput {
        return {
            id: this.generateId(),
            team: { connect: { id: this.generateId() } },
            user: { connect: { id: this.generateId() } },
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.memberCreateInput>): Prisma.memberCreateInput {
        return {
            ...this.generateMinimalData(),
            role: "Superuser", // expect: invalid-enum-value
            permissions: ["read", "write"],
            ...overrides,
        };
    }

    // Drift: `edgeCases` became required in DbTestFixtures after this factory was written.
    protected getFixtures(): DbTestFixtures<Prisma.memberCreateInput, Prisma.memberUpdateInput> {
        return { // expect: missing-fixture-category
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { role: "Owner" },
                invalidTypes: { role: 3 },
                // Copied from an edge case and never made invalid: it has its team, and it inserts fine.
                withoutTeam: { id: this.generateId(), team: { create: { id: this.generateId(), publicId: "teamless0001" } }, user: { create: { id: this.generateId(), publicId: "teamless0002", name: "Teamless" } } }, // expect: invalid-fixture-accepted
            },
            updates: {
                minimal: { role: "Admin" },
                complete: { role: "Owner", permissions: {} },
            },
        };
    }
}
