// Seed-style client calls with defects: no factory classes, only `prisma.<model>.<method>(…)`.
import { Prisma, PrismaClient } from "@prisma/client";
import { generatePK, generatePublicId } from "../src/fixtures/db/ids.js";

const prisma = new PrismaClient();

export async function seedBroken(languages: string[], flag: boolean, teamId: bigint): Promise<void> {
    await prisma.comment.createMany({ data: [] }); // expect: unknown-delegate
    await prisma.user.findFirst({
        where: { emailAddress: "a@example.com" }, // expect: unknown-field
        orderBy: { createdAtt: "desc" }, // expect: unknown-field
    });
    await prisma.tag.create({
        data: {
            id: generatePK(),
            tag: "mapped",
            translations: {
                create: languages.map((language) => ({ id: generatePK(), language, text: "x" })), // expect: unknown-field
            },
        },
    });
    await prisma.user.create({
        data: {
            id: generatePK(),
            publicId: generatePublicId(),
            name: "Flagged",
            ...(flag && { isbot: true }), // expect: unknown-field
        },
    });
    await prisma.tag.update({
        where: { tag: "mapped" },
        data: {
            translations: {
                update: { where: { id: generatePK() }, data: { descripton: "d" } }, // expect: unknown-field
            },
        },
    });
    const asserted = { id: generatePK(), tag: "asserted", createdByID: generatePK() } as Prisma.tagCreateInput; // expect: unknown-field
    await prisma.tag.create({ data: asserted });
    // A foreign key (unchecked shape) beside another relation's write (checked shape).
    await prisma.payment.create({ data: { id: generatePK(), amount: "9.99", currency: "EUR", description: "mixed", userId: generatePK(), team: { connect: { id: teamId } } } }); // expect: mixed-relation-input
    // Paging and de-duplication name fields too.
    await prisma.tag.findMany({ cursor: { tagg: "mapped" } }); // expect: unknown-field
    await prisma.tag.findMany({ distinct: ["tagg"] }); // expect: unknown-field
    // Under a composite foreign key neither shape fits: the checked one wants `team` and `user`, the unchecked one `userId`.
    await prisma.team_tag.create({ data: { team: { connect: { id: teamId } }, tag: { create: { id: generatePK(), tag: "pinned-by-nobody" } }, pinnedBy: { create: [{ id: generatePK(), role: "Admin" }] } } }); // expect: missing-required-field
}
