/* kp-contribution.c — one part of a session
 *
 * A contribution names its member by UUID (nullable: sharing and breaks belong to nobody).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-contribution"

#include "config.h"

#include "kp-contribution.h"
#include "kp-util-private.h"

struct _KpContribution
{
  GObject             parent_instance;

  KpContributionKind  kind;
  char               *member_id;
  char               *title;
  guint               minutes;
};

G_DEFINE_FINAL_TYPE (KpContribution, kp_contribution, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MEMBER_ID,
  PROP_TITLE,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_contribution_finalize (GObject *object)
{
  KpContribution *self = (KpContribution *)object;

  g_free (self->member_id);
  g_free (self->title);

  G_OBJECT_CLASS (kp_contribution_parent_class)->finalize (object);
}

static void
kp_contribution_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KpContribution *self = KP_CONTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_contribution_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KpContribution *self = KP_CONTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      kp_contribution_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_MEMBER_ID:
      kp_contribution_set_member_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kp_contribution_set_title (self, g_value_get_string (value));
      break;
    case PROP_MINUTES:
      kp_contribution_set_minutes (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_contribution_class_init (KpContributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_contribution_finalize;
  object_class->get_property = kp_contribution_get_property;
  object_class->set_property = kp_contribution_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KP_TYPE_CONTRIBUTION_KIND,
                       KP_CONTRIBUTION_PROFESSIONAL_TALK, rw);
  properties[PROP_MEMBER_ID] = g_param_spec_string ("member-id", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_MINUTES] = g_param_spec_uint ("minutes", NULL, NULL, 0, 24 * 60, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_contribution_init (KpContribution *self)
{
}

KpContribution *
kp_contribution_new (KpContributionKind  kind,
                     const char         *member_id,
                     const char         *title,
                     guint               minutes)
{
  return g_object_new (KP_TYPE_CONTRIBUTION,
                       "kind", kind,
                       "member-id", member_id,
                       "title", title,
                       "minutes", minutes,
                       NULL);
}

KpContributionKind
kp_contribution_get_kind (KpContribution *self)
{
  g_return_val_if_fail (KP_IS_CONTRIBUTION (self), 0);
  return self->kind;
}

void
kp_contribution_set_kind (KpContribution     *self,
                          KpContributionKind  kind)
{
  g_return_if_fail (KP_IS_CONTRIBUTION (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
kp_contribution_get_member_id (KpContribution *self)
{
  g_return_val_if_fail (KP_IS_CONTRIBUTION (self), NULL);
  return self->member_id;
}

void
kp_contribution_set_member_id (KpContribution *self,
                               const char     *member_id)
{
  g_return_if_fail (KP_IS_CONTRIBUTION (self));

  if (kp_set_string (&self->member_id, member_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
}

const char *
kp_contribution_get_title (KpContribution *self)
{
  g_return_val_if_fail (KP_IS_CONTRIBUTION (self), NULL);
  return self->title;
}

void
kp_contribution_set_title (KpContribution *self,
                           const char     *title)
{
  g_return_if_fail (KP_IS_CONTRIBUTION (self));

  if (kp_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
kp_contribution_get_minutes (KpContribution *self)
{
  g_return_val_if_fail (KP_IS_CONTRIBUTION (self), 0);
  return self->minutes;
}

void
kp_contribution_set_minutes (KpContribution *self,
                             guint           minutes)
{
  g_return_if_fail (KP_IS_CONTRIBUTION (self));

  if (self->minutes != minutes)
    {
      self->minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
    }
}
