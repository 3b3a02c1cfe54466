/* kp-member.c — one person in the planning group
 *
 * Only members marked public may be named in a brochure or calendar; everyone else is shown by
 * role only (kp_member_dup_public_label_with_role()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-member"

#include "config.h"

#include "kp-member.h"
#include "kp-util-private.h"

struct _KpMember
{
  GObject  parent_instance;

  char    *id;
  char    *key;
  char    *name;
  KpRole   role;
  char    *organisation;
  char    *title;
  char    *email;
  char    *phone;
  gboolean is_public;
};

G_DEFINE_FINAL_TYPE (KpMember, kp_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_ROLE,
  PROP_ORGANISATION,
  PROP_TITLE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_PUBLIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
kp_member_text_field (KpMember *self,
                      guint     prop_id)
{
  switch (prop_id)
    {
    case PROP_KEY:          return &self->key;
    case PROP_NAME:         return &self->name;
    case PROP_ORGANISATION: return &self->organisation;
    case PROP_TITLE:        return &self->title;
    case PROP_EMAIL:        return &self->email;
    case PROP_PHONE:        return &self->phone;
    default:                return NULL;
    }
}

static void
kp_member_set_text (KpMember   *self,
                    guint       prop_id,
                    const char *value)
{
  g_return_if_fail (KP_IS_MEMBER (self));

  if (kp_set_string (kp_member_text_field (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
kp_member_finalize (GObject *object)
{
  KpMember *self = (KpMember *)object;

  g_free (self->id);
  g_free (self->key);
  g_free (self->name);
  g_free (self->organisation);
  g_free (self->title);
  g_free (self->email);
  g_free (self->phone);

  G_OBJECT_CLASS (kp_member_parent_class)->finalize (object);
}

static void
kp_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KpMember *self = KP_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_PUBLIC:
      g_value_set_boolean (value, self->is_public);
      break;
    case PROP_KEY:
    case PROP_NAME:
    case PROP_ORGANISATION:
    case PROP_TITLE:
    case PROP_EMAIL:
    case PROP_PHONE:
      g_value_set_string (value, *kp_member_text_field (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KpMember *self = KP_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;
    case PROP_ROLE:
      kp_member_set_role (self, g_value_get_enum (value));
      break;
    case PROP_PUBLIC:
      kp_member_set_public (self, g_value_get_boolean (value));
      break;
    case PROP_KEY:
    case PROP_NAME:
    case PROP_ORGANISATION:
    case PROP_TITLE:
    case PROP_EMAIL:
    case PROP_PHONE:
      kp_member_set_text (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_member_class_init (KpMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_member_finalize;
  object_class->get_property = kp_member_get_property;
  object_class->set_property = kp_member_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, KP_TYPE_ROLE, KP_ROLE_PROFESSIONAL, rw);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_PUBLIC] = g_param_spec_boolean ("public", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_member_init (KpMember *self)
{
  self->role = KP_ROLE_PROFESSIONAL;
}

/**
 * kp_member_new:
 * @id: (nullable): the member's UUID, or %NULL for a new one
 */
KpMember *
kp_member_new (const char *id,
               KpRole      role)
{
  return g_object_new (KP_TYPE_MEMBER, "id", id, "role", role, NULL);
}

/**
 * kp_member_dup_with_id:
 * @id: (nullable): the copy's UUID, or %NULL for a new one
 *
 * Returns: (transfer full): a member with every value of @self under the UUID @id
 */
KpMember *
kp_member_dup_with_id (KpMember   *self,
                       const char *id)
{
  KpMember *copy;

  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);

  copy = kp_member_new (id, self->role);
  kp_member_set_key (copy, self->key);
  kp_member_set_name (copy, self->name);
  kp_member_set_organisation (copy, self->organisation);
  kp_member_set_title (copy, self->title);
  kp_member_set_email (copy, self->email);
  kp_member_set_phone (copy, self->phone);
  kp_member_set_public (copy, self->is_public);
  return copy;
}

const char *
kp_member_get_id (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->id;
}

const char *
kp_member_get_key (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->key;
}

void
kp_member_set_key (KpMember   *self,
                   const char *key)
{
  kp_member_set_text (self, PROP_KEY, key);
}

const char *
kp_member_get_name (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->name;
}

void
kp_member_set_name (KpMember   *self,
                    const char *name)
{
  kp_member_set_text (self, PROP_NAME, name);
}

KpRole
kp_member_get_role (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), 0);
  return self->role;
}

void
kp_member_set_role (KpMember *self,
                    KpRole    role)
{
  g_return_if_fail (KP_IS_MEMBER (self));

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

const char *
kp_member_get_organisation (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->organisation;
}

void
kp_member_set_organisation (KpMember   *self,
                            const char *organisation)
{
  kp_member_set_text (self, PROP_ORGANISATION, organisation);
}

const char *
kp_member_get_title (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->title;
}

void
kp_member_set_title (KpMember   *self,
                     const char *title)
{
  kp_member_set_text (self, PROP_TITLE, title);
}

const char *
kp_member_get_email (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->email;
}

void
kp_member_set_email (KpMember   *self,
                     const char *email)
{
  kp_member_set_text (self, PROP_EMAIL, email);
}

const char *
kp_member_get_phone (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  return self->phone;
}

void
kp_member_set_phone (KpMember   *self,
                     const char *phone)
{
  kp_member_set_text (self, PROP_PHONE, phone);
}

gboolean
kp_member_get_public (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), FALSE);
  return self->is_public;
}

void
kp_member_set_public (KpMember *self,
                      gboolean  is_public)
{
  g_return_if_fail (KP_IS_MEMBER (self));

  is_public = !!is_public;
  if (self->is_public != is_public)
    {
      self->is_public = is_public;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLIC]);
    }
}

/**
 * kp_member_dup_public_label_with_role:
 * @role: the member's role in the words of the document it goes into
 *
 * How the member may be shown to the public — in a brochure, a published calendar, a CalDAV
 * event: "name, title" (or "name, role") when the member is marked public, otherwise only the
 * role. A title can say who someone is as surely as the name ("the course's jurist"), so a
 * member not marked public keeps it too.
 *
 * Returns: (transfer full): the label
 */
char *
kp_member_dup_public_label_with_role (KpMember   *self,
                                      const char *role)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  if (self->is_public && self->name != NULL)
    return g_strdup_printf ("%s, %s", self->name, self->title ? self->title : role);
  return g_strdup (role);
}

/**
 * kp_member_dup_public_label:
 *
 * As kp_member_dup_public_label_with_role(), with the role in the UI language.
 *
 * Returns: (transfer full): the label
 */
char *
kp_member_dup_public_label (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), NULL);

  return kp_member_dup_public_label_with_role (self, kp_role_get_label (self->role));
}

/**
 * kp_member_is_public_contact:
 *
 * Whether a document may name the member as the course's contact: a course leader or
 * coordinator, marked public, with a name and an e-mail address or a phone number.
 */
gboolean
kp_member_is_public_contact (KpMember *self)
{
  g_return_val_if_fail (KP_IS_MEMBER (self), FALSE);

  return self->is_public && self->name != NULL &&
         (self->role == KP_ROLE_COURSE_LEADER || self->role == KP_ROLE_COORDINATOR) &&
         (self->email != NULL || self->phone != NULL);
}
