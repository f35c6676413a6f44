// A seed in the style of `prisma/seed.ts`: no factory classes, only client calls. Everything here
// is accepted by Prisma's generated types and at run time, so the validator must stay silent.
import { Prisma, PrismaClient } from "@prisma/client";
import { generatePK, generatePublicId } from "../src/fixtures/db/ids.js";

const prisma = new PrismaClient();

/** Something with the shape of a client that is not one (a tRPC caller): never checked. */
interface Caller {
    tag: { update(input: { where: { id: bigint }; data: Record<string, unknown> }): Promise<unknown> };
}

export async function seedUsers(languages: string[], withHandle: boolean): Promise<void> {
    const owner = await prisma.user.create({
        data: {
            id: generatePK(),
            publicId: generatePublicId(),
            name: "Owner",
            languages,
            ...(withHandle && { handle: "owner" }),
            ...(withHandle ? { isBot: false } : {}),
            emails: { create: languages.map((language) => ({ id: generatePK(), emailAddress: `owner+${language}@example.com` })) },
        },
    });
    await prisma.email.createMany({
        data: languages.map((language) => ({ id: generatePK(), emailAddress: `${language}@example.com`, userId: owner.id })),
        skipDuplicates: true,
    });
    await prisma.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { id: generatePK(), publicId: generatePublicId() } });
        // The unchecked shape: foreign keys, no relation writes.
        await tx.member.create({ data: { id: generatePK(), teamId: team.id, userId: owner.id, role: "Owner" } });
        // Under a composite foreign key (`member.pinnedTag`, keyed by `[teamId, pinnedTagId]`) a nested
        // create may take the unchecked shape, which leaves out every key the parent supplies:
        // `teamId` too, though it is also `team`'s key, so no `team` is written here.
        const guest = await tx.user.create({ data: { id: generatePK(), publicId: generatePublicId(), name: "Guest" } });
        await tx.team_tag.create({
            data: {
                team: { connect: { id: team.id } },
                // Translated, so `tidyTags` keeps it: a pinned tag cannot be deleted (`onDelete: Restrict`).
                tag: { create: { id: generatePK(), tag: "pinned", translations: { create: { id: generatePK(), language: "en" } } } },
                pinnedBy: { create: [{ id: generatePK(), userId: guest.id, role: "Member" }] },
            },
        });
        await tx.payment.findMany({ where: { teamId: team.id } }).catch(() => []);
    });
}

export async function tidyTags(caller: Caller): Promise<void> {
    const tags = await prisma.tag.findMany({
        where: { createdBy: { is: { name: "Owner" } }, translations: { some: { language: "en" } }, OR: [{ tag: { startsWith: "a" } }] },
        orderBy: [{ tag: "asc" }, { createdBy: { name: "desc" } }],
        cursor: { tag: "a" },
        distinct: ["tag"],
        take: 10,
    });
    for (const tag of tags) {
        await prisma.tag.update({
            where: { id: tag.id },
            data: {
                createdBy: { disconnect: true },
                translations: {
                    update: [{ where: { id: tag.id }, data: { description: "updated" } }],
                    upsert: { where: { id: tag.id }, update: { language: "fr" }, create: { id: generatePK(), language: "fr" } },
                    updateMany: { where: { language: "en" }, data: { description: null } },
                },
            },
        });
        await caller.tag.update({ where: { id: tag.id }, data: { label: "not a Prisma call" } });
    }
    const typed = { id: generatePK(), tag: "typed" } satisfies Prisma.tagCreateInput;
    await prisma.tag.create({ data: typed });
    await prisma.tag.deleteMany({ where: { translations: { none: {} } } });
}

export async function seedResources(teamId: bigint): Promise<void> {
    await prisma.resource.create({
        data: {
            id: generatePK(),
            publicId: generatePublicId(),
            ownedByTeam: { connect: { id: teamId } },
            versions: { create: ["1.0.0", "1.1.0"].map((versionLabel, versionIndex) => ({ id: generatePK(), versionLabel, versionIndex })) },
        },
    });
}
