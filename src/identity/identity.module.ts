import { Module } from '@nestjs/common';
import { CredentialStore } from '../auth/credential-store';
import { AdministratorBootstrap } from './administrator-bootstrap';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { IdentityCredentialStore } from './identity-credential-store';
import { IdentityService } from './identity.service';
import { OrganizationsRepository } from './organizations.repository';
import { UsersRepository } from './users.repository';

/** Organizations, users and API keys; and the credential store authentication reads them through. */
@Module({
  controllers: [ApiKeysController],
  providers: [
    OrganizationsRepository,
    UsersRepository,
    ApiKeysRepository,
    IdentityService,
    AdministratorBootstrap,
    { provide: CredentialStore, useClass: IdentityCredentialStore },
  ],
  exports: [OrganizationsRepository, UsersRepository, ApiKeysRepository, IdentityService, CredentialStore],
})
export class IdentityModule {}
