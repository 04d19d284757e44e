import { Module } from '@nestjs/common';
import { SecondFactorResetService } from './second-factor-reset.service';
import { SecondFactorResolver } from './second-factor.resolver';
import { SecondFactorService } from './second-factor.service';
import { SessionElevationService } from './session-elevation.service';

/** The second factor (TOTP) for case data; PolicyGuard asks SessionElevationService before serving it. */
@Module({
  providers: [SecondFactorService, SecondFactorResetService, SessionElevationService, SecondFactorResolver],
  exports: [SessionElevationService],
})
export class SecondFactorModule {}
