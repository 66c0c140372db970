import { Button, Group } from "@mantine/core";
import { IconSchool, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/session.ts";
import { SectionCard } from "../../app/ui/section-card.tsx";

/** On a site's page: its fidelity reviews and its workforce (training, supervision), for its staff. */
export function SiteMeasuresLinks({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.sites.find((s) => s.id === siteId)?.canReadData) return null;
  return (
    <SectionCard heading title={t("measures.links.siteTitle")} hint={t("measures.links.siteHint")}>
      <Group gap="xs">
        <Button
          component={Link}
          to={`/sites/${siteId}/fidelity`}
          variant="default"
          leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
        >
          {t("measures.fidelity.reviews")}
        </Button>
        <Button
          component={Link}
          to={`/sites/${siteId}/workforce`}
          variant="default"
          leftSection={<IconSchool size={16} aria-hidden="true" />}
        >
          {t("measures.workforce.siteNav")}
        </Button>
      </Group>
    </SectionCard>
  );
}
