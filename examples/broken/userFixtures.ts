import type { Prisma } from "@prisma/client";
import { generatePK, generatePublicId } from "../src/fixtures/db/ids.js";

export const adminUser = {
    id: generatePK(),
    publicId: generatePublicId(),
    name: "Admin",
    // Drift: addresses moved to the `email` model.
    emailAddress: "admin@example.com", // expect: unknown-field
} satisfies Prisma.UserCreateInput;

export const invitedUser: Prisma.UserCreateInput = {
    id: generatePK(),
    publicId: generatePublicId(),
    name: "Invited",
    invitedById: adminUser.id, // expect: mixed-relation-input
    invitedBy: { connect: { id: adminUser.id } },
};

export function botUser(name: string): Prisma.UserCreateInput {
    return { id: generatePK(), name, isBot: true }; // expect: missing-required-field
}

export const userSeeds: Record<string, Prisma.UserCreateInput> = {
    polyglot: { id: generatePK(), publicId: generatePublicId(), name: "Polyglot", languages: "en" }, // expect: field-type-mismatch
    locked: { id: generatePK(), publicId: generatePublicId(), name: "Locked", status: "Banned" }, // expect: invalid-enum-value
};
