import type { Prisma } from "@prisma/client";
import { generatePK } from "../src/fixtures/db/ids.js";

// Drift: PascalCase type name; Prisma names the type after the model `tag` verbatim.
export const minimalTag: Prisma.TagCreateInput = { // expect: unknown-prisma-type
    id: generatePK(),
    tag: "minimal",
};

export const ownedTag: Prisma.tagCreateInput = {
    id: generatePK(),
    tag: "owned",
    createdById: generatePK(), // expect: unknown-field
};

export const seedTags: Prisma.tagCreateInput[] = [
    { id: generatePK(), tag: "typescript" },
    { id: generatePK(), label: "rust" }, // expect: unknown-field, missing-required-field
];

export const translatedTag: Prisma.tagCreateInput = {
    id: generatePK(),
    tag: "translated",
    translations: {
        create: [
            { id: generatePK(), language: "en" },
            { id: generatePK(), description: "no language" }, // expect: missing-required-field
        ],
    },
};

export const tagRename: Prisma.tagUpdateInput = {
    tag: "renamed",
    name: "renamed", // expect: unknown-field
};
