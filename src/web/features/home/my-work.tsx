import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconBuildingHospital, IconClipboardList } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProgrammes } from "../../app/data/programmes.ts";
import { QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { PhaseBadge } from "../../app/ui/phase-badge.tsx";

/** What I work on: my programmes with their phase and sites, and my sites. */
export function MyWork() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const programmes = useProgrammes();
  const mine = new Set(me.programmes.map((p) => p.id));
  return (
    <>
      <Stack gap="sm" component="section" aria-labelledby="home-programmes">
        <Title order={2} size="h3" id="home-programmes">
          {t("nav.myProgrammes")}
        </Title>
        <QueryView query={programmes}>
          {(list) => {
            const shown = list.filter((p) => mine.has(p.id));
            if (shown.length === 0) return <Text c="dimmed">{t("home.noProgrammes")}</Text>;
            return (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {shown.map((p) => (
                  <Card
                    key={p.id}
                    withBorder
                    padding="lg"
                    component="article"
                    aria-labelledby={`programme-${p.id}`}
                  >
                    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                      <Group gap="xs" wrap="nowrap">
                        <IconClipboardList
                          size={20}
                          aria-hidden="true"
                          color="var(--mantine-primary-color-filled)"
                        />
                        <Anchor component={Link} to={`/programmes/${p.id}`} fw={700} id={`programme-${p.id}`}>
                          {p.code}
                        </Anchor>
                      </Group>
                      <PhaseBadge phase={p.currentPhase} />
                    </Group>
                    <Text size="sm" mb="md">
                      {p.name}
                    </Text>
                    <Group gap="lg">
                      <div>
                        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                          {t("programmes.siteCount")}
                        </Text>
                        <Text fw={700} fz="xl">
                          {p.siteCount}
                        </Text>
                      </div>
                      <div>
                        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                          {t("programmes.practice")}
                        </Text>
                        <Text size="sm">{p.practice.code}</Text>
                      </div>
                    </Group>
                  </Card>
                ))}
              </SimpleGrid>
            );
          }}
        </QueryView>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="home-sites">
        <Title order={2} size="h3" id="home-sites">
          {me.isAdmin ? t("nav.sites") : t("nav.mySites")}
        </Title>
        {me.sites.length === 0 ? (
          <Text c="dimmed">{t("home.noSites")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {me.sites.map((s) => (
              <Card key={s.id} withBorder padding="md" component="article" aria-labelledby={`site-${s.id}`}>
                <Group gap="xs" wrap="nowrap" mb={4}>
                  <IconBuildingHospital
                    size={18}
                    aria-hidden="true"
                    color="var(--mantine-primary-color-filled)"
                  />
                  <Anchor component={Link} to={`/sites/${s.id}`} fw={700} id={`site-${s.id}`}>
                    {s.code}
                  </Anchor>
                </Group>
                <Text size="sm">{s.name}</Text>
                {s.canManage && !me.isAdmin && (
                  <Badge mt="sm" variant="light" color="teal">
                    {t("home.youManage")}
                  </Badge>
                )}
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
