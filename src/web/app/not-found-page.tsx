import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "./page.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("errors.pageNotFound")}>
      <Text>
        {t("errors.pageNotFoundHint")}{" "}
        <Anchor component={Link} to="/">
          {t("nav.home")}
        </Anchor>
      </Text>
    </Page>
  );
}
