import { Module } from '@nestjs/common';
import { CredentialStore } from '../auth/credential-store';
import { AdministratorBootstrap } from './administrator-bootstrap';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { CurrentUserController } from './current-user.controller';
import { CurrentUserService } from './current-user.service';
import { IdentityCredentialStore } from './identity-credential-store';
import { IdentityService } from './identity.service';
import { OrganizationsRepository } from './organizations.repository';
import { UsersRepository } from './users.repository';

/** Organizations, users and API keys; the current user; and the credential store authentication reads them through. */
@Module({
  controllers: [ApiKeysController, CurrentUserController],
  providers: [
    OrganizationsRepository,
    UsersRepository,
    ApiKeysRepository,
    IdentityService,
    CurrentUserService,
    AdministratorBootstrap,
    { provide: CredentialStore, useClass: IdentityCredentialStore },
  ],
  exports: [OrganizationsRepository, UsersRepository, ApiKeysRepository, IdentityService, CredentialStore],
})
export class IdentityModule {}
