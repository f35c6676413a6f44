import type { Prisma, PrismaClient, User } from "@prisma/client";
import { EnhancedDatabaseFactory } from "../src/fixtures/db/EnhancedDatabaseFactory.js";
import { generatePublicId } from "../src/fixtures/db/ids.js";
import type { DbTestFixtures } from "../src/fixtures/db/types.js";

// Drift: the model is `User`; "user" is only its table name (@@map), which Prisma's API never uses.
export class UserDbFactory extends EnhancedDatabaseFactory<
    User,
    Prisma.UserCreateInput,
    Prisma.UserInclude,
    Prisma.UserUpdateInput
> {
    constructor(prisma: PrismaClient) {
        super("user", prisma); // expect: unknown-model
    }

    protected getPrismaDelegate() {
        return this.prisma.user;
    }

    protected generateMinimalData(overrides?: Partial<Prisma.UserCreateInput>): Prisma.UserCreateInput {
        return {
            id: this.generateId(),
            publicId: generatePublicId(),
            name: "Test User",
            ...overrides,
        };
    }

    protected generateCompleteData(overrides?: Partial<Prisma.UserCreateInput>): Prisma.UserCreateInput {
        return {
            ...this.generateMinimalData(),
            handle: "complete_user",
            languages: ["en"],
            ...overrides,
        };
    }

    protected getFixtures(): DbTestFixtures<Prisma.UserCreateInput, Prisma.UserUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: {
                missingRequired: { name: "No ids" },
                invalidTypes: { isBot: "no" },
            },
            edgeCases: {},
        };
    }
}
