import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config';
import { CredentialsService } from './credentials.service';
import { resolveJwtSecret } from './jwt-secret';
import { LoginAttempts } from './login-attempts';
import { LoginController } from './login.controller';
import { LoginService } from './login.service';
import { ApiKeyHeaderStrategy } from './strategies/api-key-header.strategy';
import { BasicStrategy } from './strategies/basic.strategy';
import { BearerStrategy } from './strategies/bearer.strategy';
import { TokensService } from './tokens.service';

/** Authentication: the three Passport strategies, JWTs, and the `/login` routes. Global guards live in the route-family decorators. */
@Module({})
export class AuthModule {
  /** `credentials`: the module that provides and exports the `CredentialStore` (the identity module). */
  static forRoot(credentials: Type<unknown>): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        credentials,
        PassportModule.register({ session: false }),
        JwtModule.registerAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            secret: resolveJwtSecret(config),
            signOptions: { algorithm: 'HS256', expiresIn: config.jwt.ttlSeconds },
          }),
        }),
      ],
      controllers: [LoginController],
      providers: [CredentialsService, TokensService, LoginService, LoginAttempts, ApiKeyHeaderStrategy, BearerStrategy, BasicStrategy],
    };
  }
}
