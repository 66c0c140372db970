import {
  Anchor,
  Badge,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert, Loading, usePageTitle } from "../../app/page.tsx";
import { type PublicService, usePublicDirectory } from "./api.ts";

/**
 * The public directory of a region (no login), when an administrator switched it on: active
 * services and their public contacts only (the server leaves private ones out).
 */
export function PublicDirectoryPage() {
  const { t } = useTranslation();
  const { regionCode = "" } = useParams();
  const data = usePublicDirectory(regionCode);
  const [q, setQ] = useState("");
  const title = data.data
    ? t("directory.publicTitle", { region: data.data.region.name })
    : t("directory.title");
  usePageTitle(title);
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (s: PublicService) => {
    const text = `${s.name} ${s.description} ${s.eligibility} ${s.referralHow}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return (
    <Container size="lg" py="xl" component="main">
      <Stack>
        <Title order={1} size="h2">
          {title}
        </Title>
        {data.isPending && <Loading />}
        {data.error && (
          <ErrorAlert
            error={data.error}
            title={
              (data.error as { status?: number }).status === 404 ? t("directory.publicNotFound") : undefined
            }
          />
        )}
        {data.data && (
          <>
            <Text c="dimmed">{t("directory.publicSubtitle")}</Text>
            <TextInput
              label={t("directory.search")}
              placeholder={t("directory.searchPlaceholder")}
              type="search"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              maw={400}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {data.data.services.filter(matches).map((s) => (
                <Card key={s.code} withBorder component="article" aria-labelledby={`svc-${s.code}`}>
                  <Stack gap={6}>
                    <Group gap="xs">
                      <Title order={2} size="h4" id={`svc-${s.code}`}>
                        {s.name}
                      </Title>
                      <Badge variant="light">{t(`directory.sectors.${s.sector}`)}</Badge>
                    </Group>
                    {s.description && <Text size="sm">{s.description}</Text>}
                    {s.areas.length > 0 && (
                      <Text size="sm">
                        <b>{t("directory.fields.areaIds")}:</b> {s.areas.map((a) => a.name).join(", ")}
                      </Text>
                    )}
                    {s.eligibility && (
                      <Text size="sm">
                        <b>{t("directory.fields.eligibility")}:</b> {s.eligibility}
                      </Text>
                    )}
                    <Text size="sm">
                      <b>{t("directory.fields.referralRoute")}:</b>{" "}
                      {t(`directory.referralRoutes.${s.referralRoute}`)}
                      {s.referralHow ? ` — ${s.referralHow}` : ""}
                    </Text>
                    {s.openingHours && (
                      <Text size="sm">
                        <b>{t("directory.fields.openingHours")}:</b> {s.openingHours}
                      </Text>
                    )}
                    {s.languages.length > 0 && (
                      <Text size="sm">
                        <b>{t("directory.fields.languages")}:</b> {s.languages.join(", ")}
                      </Text>
                    )}
                    {s.phone && (
                      <Text size="sm">
                        <b>{t("directory.fields.phone")}:</b>{" "}
                        <Anchor href={`tel:${s.phone}`}>{s.phone}</Anchor>
                      </Text>
                    )}
                    {s.email && (
                      <Text size="sm">
                        <b>{t("directory.fields.email")}:</b>{" "}
                        <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
                      </Text>
                    )}
                    {s.web && (
                      <Text size="sm">
                        <b>{t("directory.fields.web")}:</b> <Anchor href={s.web}>{s.web}</Anchor>
                      </Text>
                    )}
                    {!s.phone && !s.email && !s.web && (
                      <Text size="sm" c="dimmed">
                        {t("directory.noContacts")}
                      </Text>
                    )}
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Container>
  );
}
