import { DataTypes, Model, type CreationOptional, type NonAttribute, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { foldText } from '../common/text';
import { jsonColumn } from '../db/codecs';
import type { LegalBasis } from './contacts.schema';

/** A person the town deals with. Soft-deleted (paranoid) and versioned. */
export class Contact extends Model<InferAttributes<Contact>, InferCreationAttributes<Contact>> {
  declare id: CreationOptional<number>;
  declare firstName: string | null;
  declare lastName: string;
  declare sortName: CreationOptional<string>;
  declare searchText: CreationOptional<string | null>;
  declare jobTitle: string | null;
  declare country: string | null;
  declare emails: CreationOptional<string[]>;
  declare phones: CreationOptional<string[]>;
  declare languages: CreationOptional<string[]>;
  declare notes: string | null;
  declare legalBasis: LegalBasis;
  declare consentOn: string | null;
  declare consentSource: string | null;
  declare erasedAt: CreationOptional<Date | null>;
  declare retentionKeptAt: CreationOptional<Date | null>;
  declare retentionReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare deletedAt: CreationOptional<Date | null>;

  get fullName(): NonAttribute<string> {
    return [this.firstName, this.lastName].filter(Boolean).join(' ');
  }

  static initModel(sequelize: Sequelize) {
    Contact.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        firstName: { type: DataTypes.STRING(100), allowNull: true },
        lastName: { type: DataTypes.STRING(100), allowNull: false },
        sortName: { type: DataTypes.STRING(200), allowNull: false },
        searchText: { type: DataTypes.STRING(2000), allowNull: true },
        jobTitle: { type: DataTypes.STRING(200), allowNull: true },
        country: { type: DataTypes.CHAR(2), allowNull: true },
        emails: jsonColumn('emails', () => []),
        phones: jsonColumn('phones', () => []),
        languages: jsonColumn('languages', () => []),
        notes: { type: DataTypes.TEXT, allowNull: true },
        legalBasis: { type: DataTypes.STRING(30), allowNull: false },
        consentOn: { type: DataTypes.DATEONLY, allowNull: true },
        consentSource: { type: DataTypes.STRING(300), allowNull: true },
        erasedAt: { type: DataTypes.DATE(3), allowNull: true },
        retentionKeptAt: { type: DataTypes.DATE(3), allowNull: true },
        retentionReason: { type: DataTypes.STRING(500), allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
        deletedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'contacts',
        paranoid: true,
        version: true,
        hooks: {
          beforeValidate: (contact: Contact) => {
            contact.sortName = contactSortName(contact.firstName, contact.lastName);
            contact.searchText = contactSearchText(contact);
          },
        },
      },
    );
  }
}

/** Names, job title and e-mails, folded, for the list's text filter. */
export function contactSearchText(contact: { firstName: string | null; lastName: string; jobTitle: string | null; emails?: string[] }) {
  return [contact.firstName ?? '', contact.lastName ?? '', contact.jobTitle ?? '', ...(contact.emails ?? [])]
    .map(foldText)
    .filter(Boolean)
    .join(' | ')
    .slice(0, 2000);
}

/** "Dupont Marie", folded: the order of a contact list, and the name compared for duplicates. */
export function contactSortName(firstName: string | null | undefined, lastName: string | null | undefined) {
  return foldText(`${lastName ?? ''} ${firstName ?? ''}`).slice(0, 200);
}

export class ContactEmail extends Model<InferAttributes<ContactEmail>, InferCreationAttributes<ContactEmail>> {
  declare contactId: number;
  declare email: string;

  static initModel(sequelize: Sequelize) {
    ContactEmail.init(
      { contactId: { type: DataTypes.INTEGER, primaryKey: true }, email: { type: DataTypes.STRING(254), primaryKey: true } },
      { sequelize, tableName: 'contact_emails', timestamps: false },
    );
  }
}

export class ContactLanguage extends Model<InferAttributes<ContactLanguage>, InferCreationAttributes<ContactLanguage>> {
  declare contactId: number;
  declare language: string;

  static initModel(sequelize: Sequelize) {
    ContactLanguage.init(
      { contactId: { type: DataTypes.INTEGER, primaryKey: true }, language: { type: DataTypes.STRING(8), primaryKey: true } },
      { sequelize, tableName: 'contact_languages', timestamps: false },
    );
  }
}

/** A contact's role at a partner, over a period. */
export class Affiliation extends Model<InferAttributes<Affiliation>, InferCreationAttributes<Affiliation>> {
  declare id: CreationOptional<number>;
  declare contactId: number;
  declare partnerId: number;
  declare role: string | null;
  declare roleKey: CreationOptional<string | null>;
  declare startedOn: string | null;
  declare endedOn: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Affiliation.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        contactId: { type: DataTypes.INTEGER, allowNull: false },
        partnerId: { type: DataTypes.INTEGER, allowNull: false },
        role: { type: DataTypes.STRING(200), allowNull: true },
        roleKey: { type: DataTypes.STRING(200), allowNull: true },
        startedOn: { type: DataTypes.DATEONLY, allowNull: true },
        endedOn: { type: DataTypes.DATEONLY, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'affiliations',
        hooks: {
          beforeValidate: (affiliation: Affiliation) => {
            affiliation.roleKey = affiliation.role ? foldText(affiliation.role).slice(0, 200) : null;
          },
        },
      },
    );
  }
}
